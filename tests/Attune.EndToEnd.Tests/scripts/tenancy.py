"""Two accounts on one server in sigv4 mode (argv: endpoint, object root, then access key and secret of account A
and of account B): A builds a whole chain (group, schema, dataset, import, filter, event tracker, solution, trained
version, campaign, metric attribution); B sees none of it in any List, and every operation B aims at one of A's ARNs answers exactly as
for an ARN that does not exist. A's trackingId does nothing for B. Unknown keys, wrong secrets and unsigned requests
get AWS's 403 errors."""
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
import json

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

from e2e import INTERACTIONS_SCHEMA, check, run, unique, wait_for
from training_setup import generated_rows, write_rows

ENDPOINT, OBJECT_ROOT, KEY_A, SECRET_A, KEY_B, SECRET_B = sys.argv[1:7]
ACCOUNT_A, ACCOUNT_B = "111111111111", "222222222222"
CONFIG = Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=60)


def clients(key, secret, service):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id=key,
                        aws_secret_access_key=secret, config=CONFIG)


def not_found(call, arn, **kwargs):
    """B's call on A's resource: ResourceNotFoundException with the message an absent ARN gets."""
    try:
        call(**kwargs)
    except ClientError as error:
        code = error.response["Error"]["Code"]
        message = error.response["Error"].get("Message", "")
        check(code == "ResourceNotFoundException", f"{call.__name__}({kwargs}): expected ResourceNotFoundException, got {code}: {message}")
        check(ACCOUNT_A not in message or arn in message, f"{call.__name__}: the message hints at account A: {message}")
        return message
    raise AssertionError(f"{call.__name__}({kwargs}) succeeded for account B on account A's resource")


def auth_error(call, code, status, *words):
    try:
        call()
    except ClientError as error:
        got = error.response["Error"]["Code"]
        message = error.response["Error"].get("Message", "")
        check(got == code, f"expected {code}, got {got}: {message}")
        check(error.response["ResponseMetadata"]["HTTPStatusCode"] == status, f"{code}: HTTP {error.response['ResponseMetadata']['HTTPStatusCode']}")
        for word in words:
            check(word in message, f"{code}: message {message!r} does not name {word!r}")
        return
    raise AssertionError(f"expected {code}")


def signed_get(key, secret, path, **query):
    """A GET signed as the SDKs sign (SigV4 for personalize, empty payload); returns (HTTP status, parsed JSON)."""
    request = AWSRequest(method="GET", url=ENDPOINT + path + "?" + urllib.parse.urlencode(query))
    SigV4Auth(Credentials(key, secret), "personalize", "us-east-1").add_auth(request)
    prepared = request.prepare()
    try:
        with urllib.request.urlopen(urllib.request.Request(prepared.url, headers=dict(prepared.headers)), timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def build_chain(p):
    """Account A's resources, a trained campaign included."""
    group = p.create_dataset_group(name=unique("tenant"))["datasetGroupArn"]
    wait_for(lambda: p.describe_dataset_group(datasetGroupArn=group)["datasetGroup"], "ACTIVE")
    schema = p.create_schema(name=unique("tenant-schema"), schema=INTERACTIONS_SCHEMA)["schemaArn"]
    dataset = p.create_dataset(name=unique("tenant-interactions"), datasetGroupArn=group, datasetType="Interactions",
                               schemaArn=schema)["datasetArn"]
    wait_for(lambda: p.describe_dataset(datasetArn=dataset)["dataset"], "ACTIVE")
    key = f"tenancy/{unique('rows')}.csv"
    write_rows(os.path.join(OBJECT_ROOT, "bucket", key), generated_rows(60, 8))
    job = p.create_dataset_import_job(jobName=unique("tenant-import"), datasetArn=dataset,
                                      dataSource={"dataLocation": f"s3://bucket/{key}"})["datasetImportJobArn"]
    wait_for(lambda: p.describe_dataset_import_job(datasetImportJobArn=job)["datasetImportJob"], "ACTIVE")
    filter_arn = p.create_filter(name=unique("tenant-filter"), datasetGroupArn=group,
                                 filterExpression='EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("buy")')["filterArn"]
    tracker = p.create_event_tracker(name=unique("tenant-tracker"), datasetGroupArn=group)
    solution = p.create_solution(name=unique("tenant-solution"), datasetGroupArn=group,
                                 recipeArn="arn:aws:personalize:::recipe/aws-user-personalization")["solutionArn"]
    wait_for(lambda: p.describe_solution(solutionArn=solution)["solution"], "ACTIVE")
    version = p.create_solution_version(solutionArn=solution)["solutionVersionArn"]
    wait_for(lambda: p.describe_solution_version(solutionVersionArn=version)["solutionVersion"], "ACTIVE", timeout=180)
    campaign = p.create_campaign(name=unique("tenant-campaign"), solutionVersionArn=version)["campaignArn"]
    wait_for(lambda: p.describe_campaign(campaignArn=campaign)["campaign"], "ACTIVE")
    wait_for(lambda: p.describe_filter(filterArn=filter_arn)["filter"], "ACTIVE")
    wait_for(lambda: p.describe_event_tracker(eventTrackerArn=tracker["eventTrackerArn"])["eventTracker"], "ACTIVE")
    attribution = p.create_metric_attribution(
        name=unique("tenant-attribution"), datasetGroupArn=group,
        metrics=[{"eventType": "click", "metricName": "CLICKS", "expression": "SAMPLECOUNT()"}],
        metricsOutputConfig={"roleArn": "arn:aws:iam::111111111111:role/attribution"})["metricAttributionArn"]
    wait_for(lambda: p.describe_metric_attribution(metricAttributionArn=attribution)["metricAttribution"], "ACTIVE")
    return dict(group=group, schema=schema, dataset=dataset, job=job, filter=filter_arn, tracker=tracker["eventTrackerArn"],
                tracking_id=tracker["trackingId"], solution=solution, version=version, campaign=campaign, attribution=attribution)


def scenario():
    pa, pb = clients(KEY_A, SECRET_A, "personalize"), clients(KEY_B, SECRET_B, "personalize")
    a = build_chain(pa)
    for arn in (a["group"], a["schema"], a["dataset"], a["campaign"]):
        check(f":{ACCOUNT_A}:" in arn, f"account A's ARN {arn} does not carry account A")

    # Lists: B sees none of A's resources; A sees them.
    mine = set(a.values())
    for operation, key, kwargs in [
        (pb.list_dataset_groups, "datasetGroups", {}), (pb.list_schemas, "schemas", {}), (pb.list_datasets, "datasets", {}),
        (pb.list_dataset_import_jobs, "datasetImportJobs", {}), (pb.list_filters, "Filters", {}),
        (pb.list_event_trackers, "eventTrackers", {}), (pb.list_solutions, "solutions", {}),
        (pb.list_solution_versions, "solutionVersions", {}), (pb.list_campaigns, "campaigns", {}),
        (pb.list_metric_attributions, "metricAttributions", {}), (pb.list_recommenders, "recommenders", {}),
    ]:
        seen = {value for item in operation(**kwargs)[key] for name, value in item.items() if name.endswith("Arn")}
        check(not (seen & mine), f"{operation.__name__} shows account B some of account A's resources: {seen & mine}")
    check(a["group"] in {g["datasetGroupArn"] for g in pa.list_dataset_groups()["datasetGroups"]}, "A does not see its group")

    # Every operation family B aims at A's ARNs: as if they did not exist, the same message an absent ARN gets.
    absent = a["group"].replace(ACCOUNT_A, ACCOUNT_B)
    check(not_found(pb.describe_dataset_group, absent, datasetGroupArn=absent)
          == not_found(pb.describe_dataset_group, a["group"], datasetGroupArn=a["group"]).replace(ACCOUNT_A, ACCOUNT_B),
          "A's group and an absent one get different messages")
    not_found(pb.describe_schema, a["schema"], schemaArn=a["schema"])
    not_found(pb.describe_dataset, a["dataset"], datasetArn=a["dataset"])
    not_found(pb.describe_dataset_import_job, a["job"], datasetImportJobArn=a["job"])
    not_found(pb.describe_filter, a["filter"], filterArn=a["filter"])
    not_found(pb.describe_event_tracker, a["tracker"], eventTrackerArn=a["tracker"])
    not_found(pb.describe_solution, a["solution"], solutionArn=a["solution"])
    not_found(pb.describe_solution_version, a["version"], solutionVersionArn=a["version"])
    not_found(pb.get_solution_metrics, a["version"], solutionVersionArn=a["version"])
    not_found(pb.describe_campaign, a["campaign"], campaignArn=a["campaign"])
    not_found(pb.list_datasets, a["group"], datasetGroupArn=a["group"])
    not_found(pb.list_solutions, a["group"], datasetGroupArn=a["group"])
    not_found(pb.list_solution_versions, a["solution"], solutionArn=a["solution"])
    not_found(pb.create_dataset, a["group"], name=unique("steal"), datasetGroupArn=a["group"], datasetType="Users", schemaArn=a["schema"])
    not_found(pb.create_solution, a["group"], name=unique("steal"), datasetGroupArn=a["group"])
    not_found(pb.create_solution_version, a["solution"], solutionArn=a["solution"])
    not_found(pb.create_campaign, a["version"], name=unique("steal"), solutionVersionArn=a["version"])
    not_found(pb.create_event_tracker, a["group"], name=unique("steal"), datasetGroupArn=a["group"])
    not_found(pb.create_filter, a["group"], name=unique("steal"), datasetGroupArn=a["group"],
              filterExpression='EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("buy")')
    not_found(pb.create_dataset_import_job, a["dataset"], jobName=unique("steal"), datasetArn=a["dataset"],
              dataSource={"dataLocation": "s3://bucket/none.csv"})
    not_found(pb.update_campaign, a["campaign"], campaignArn=a["campaign"], minProvisionedTPS=2)
    not_found(pb.stop_solution_version_creation, a["version"], solutionVersionArn=a["version"])
    not_found(pb.tag_resource, a["group"], resourceArn=a["group"], tags=[{"tagKey": "k", "tagValue": "v"}])
    not_found(pb.untag_resource, a["group"], resourceArn=a["group"], tagKeys=["k"])
    not_found(pb.list_tags_for_resource, a["group"], resourceArn=a["group"])
    not_found(pb.describe_metric_attribution, a["attribution"], metricAttributionArn=a["attribution"])
    not_found(pb.list_metric_attributions, a["group"], datasetGroupArn=a["group"])
    not_found(pb.list_metric_attribution_metrics, a["attribution"], metricAttributionArn=a["attribution"])
    not_found(pb.update_metric_attribution, a["attribution"], metricAttributionArn=a["attribution"], removeMetrics=["CLICKS"])
    not_found(pb.create_metric_attribution, a["group"], name=unique("steal"), datasetGroupArn=a["group"],
              metrics=[{"eventType": "click", "metricName": "STEAL", "expression": "SAMPLECOUNT()"}],
              metricsOutputConfig={"roleArn": "arn:aws:iam::222222222222:role/attribution"})
    not_found(pb.delete_metric_attribution, a["attribution"], metricAttributionArn=a["attribution"])
    # Recommenders need a trained domain group; A's ARN space is what the scoping decides on, the same for any name.
    recommender = a["group"].replace("dataset-group/", "recommender/")
    not_found(pb.create_recommender, a["group"], name=unique("steal"), datasetGroupArn=a["group"],
              recipeArn="arn:aws:personalize:::recipe/aws-ecomm-popular-items-by-views")
    not_found(pb.list_recommenders, a["group"], datasetGroupArn=a["group"])
    not_found(pb.describe_recommender, recommender, recommenderArn=recommender)
    not_found(pb.update_recommender, recommender, recommenderArn=recommender, recommenderConfig={})
    not_found(pb.stop_recommender, recommender, recommenderArn=recommender)
    not_found(pb.start_recommender, recommender, recommenderArn=recommender)
    not_found(pb.delete_recommender, recommender, recommenderArn=recommender)
    not_found(pb.delete_campaign, a["campaign"], campaignArn=a["campaign"])
    not_found(pb.delete_filter, a["filter"], filterArn=a["filter"])
    not_found(pb.delete_event_tracker, a["tracker"], eventTrackerArn=a["tracker"])
    not_found(pb.delete_solution, a["solution"], solutionArn=a["solution"])
    not_found(pb.delete_dataset, a["dataset"], datasetArn=a["dataset"])
    not_found(pb.delete_schema, a["schema"], schemaArn=a["schema"])
    not_found(pb.delete_dataset_group, a["group"], datasetGroupArn=a["group"])

    runtime_a, runtime_b = clients(KEY_A, SECRET_A, "personalize-runtime"), clients(KEY_B, SECRET_B, "personalize-runtime")
    check(runtime_a.get_recommendations(campaignArn=a["campaign"], userId="u1")["itemList"], "A's campaign recommends nothing to A")
    not_found(runtime_b.get_recommendations, a["campaign"], campaignArn=a["campaign"], userId="u1")
    not_found(runtime_b.get_personalized_ranking, a["campaign"], campaignArn=a["campaign"], userId="u1", inputList=["i1", "i2"])
    not_found(runtime_b.get_recommendations, a["filter"], campaignArn=a["campaign"].replace(ACCOUNT_A, ACCOUNT_B), userId="u1",
              filterArn=a["filter"])
    not_found(runtime_b.get_recommendations, recommender, recommenderArn=recommender, userId="u1")
    not_found(runtime_b.get_action_recommendations, a["campaign"], campaignArn=a["campaign"], userId="u1")

    events_a, events_b = clients(KEY_A, SECRET_A, "personalize-events"), clients(KEY_B, SECRET_B, "personalize-events")
    event = {"eventType": "click", "sentAt": 1_700_000_000, "itemId": "i1"}
    events_a.put_events(trackingId=a["tracking_id"], userId="u1", sessionId="s1", eventList=[event])
    message = not_found(events_b.put_events, a["tracking_id"], trackingId=a["tracking_id"], userId="u1", sessionId="s1", eventList=[event])
    check(a["group"] not in message and ACCOUNT_A not in message, f"PutEvents for B names A's resources: {message}")
    not_found(events_b.put_items, a["dataset"], datasetArn=a["dataset"], items=[{"itemId": "i1"}])
    not_found(events_b.put_users, a["dataset"], datasetArn=a["dataset"], users=[{"userId": "u1"}])
    not_found(events_b.put_actions, a["dataset"], datasetArn=a["dataset"], actions=[{"actionId": "a1"}])

    # GET /online-metrics (Attune's extension) takes the same SigV4 and account scoping.
    status, body = signed_get(KEY_A, SECRET_A, "/online-metrics", resourceArn=a["campaign"], minutes=5)
    check(status == 200 and body["resourceArn"] == a["campaign"] and len(body["buckets"]) == 5, f"A's online metrics: {status} {body}")
    status, body = signed_get(KEY_B, SECRET_B, "/online-metrics", resourceArn=a["campaign"], minutes=5)
    check(status == 404 and body["__type"].endswith("ResourceNotFoundException"), f"B's online metrics of A's campaign: {status} {body}")
    status, body = signed_get(KEY_A, SECRET_B, "/online-metrics", resourceArn=a["campaign"])
    check(status == 403 and body["__type"].endswith("InvalidSignatureException"), f"online metrics, wrong secret: {status} {body}")
    try:
        urllib.request.urlopen(ENDPOINT + "/online-metrics?" + urllib.parse.urlencode({"resourceArn": a["campaign"]}), timeout=30)
        raise AssertionError("an unsigned GET /online-metrics succeeded")
    except urllib.error.HTTPError as error:
        check(error.code == 403, f"unsigned GET /online-metrics: HTTP {error.code}")

    # Names are per account: B may use A's names, under its own account.
    same_name = pb.create_dataset_group(name=pa.describe_dataset_group(datasetGroupArn=a["group"])["datasetGroup"]["name"])["datasetGroupArn"]
    check(f":{ACCOUNT_B}:" in same_name and same_name != a["group"], f"B's group {same_name}")

    # Authentication errors, as AWS's JSON services answer them.
    auth_error(lambda: clients("AKATNOSUCHKEY0000000", SECRET_A, "personalize").list_dataset_groups(),
               "UnrecognizedClientException", 403, "security token")
    auth_error(lambda: clients(KEY_A, SECRET_A[:-1] + ("x" if SECRET_A[-1] != "x" else "y"), "personalize").list_dataset_groups(),
               "InvalidSignatureException", 403, "signature")
    auth_error(lambda: clients(KEY_A, SECRET_B, "personalize-runtime").get_recommendations(campaignArn=a["campaign"], userId="u1"),
               "InvalidSignatureException", 403, "signature")
    request = urllib.request.Request(ENDPOINT + "/", data=b"{}", method="POST", headers={
        "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AmazonPersonalize.ListDatasetGroups"})
    try:
        urllib.request.urlopen(request, timeout=30)
        raise AssertionError("an unsigned request succeeded")
    except urllib.error.HTTPError as error:
        payload = json.loads(error.read() or b"{}")
        check(error.code == 403, f"unsigned request: HTTP {error.code} {payload}")
        check(payload.get("__type", "").split("#")[-1] == "MissingAuthenticationTokenException", f"unsigned request: {payload}")


run(scenario)
