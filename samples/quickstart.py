"""Attune quickstart: import MovieLens ratings, train, deploy a campaign, recommend with explanations, send live
events and watch the next recommendation change. Run it from the repository root while the server runs:

    dotnet run --project src/Attune.Server        # terminal 1
    python3 samples/quickstart.py                 # terminal 2

It talks to http://127.0.0.1:5080 with boto3 (any credentials do) and copies data/ml-latest-small/interactions.csv
into the server's object root (./attune-data/objects), where s3://quickstart/... locations are read from."""
import csv
import json
import os
import shutil
import sys
import time
import urllib.request

import boto3

ENDPOINT = "http://127.0.0.1:5080"
OBJECT_ROOT = os.path.join("attune-data", "objects")
DATA = os.path.join("data", "ml-latest-small")
AWS = dict(endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id="any", aws_secret_access_key="any")

personalize = boto3.client("personalize", **AWS)
runtime = boto3.client("personalize-runtime", **AWS)
events = boto3.client("personalize-events", **AWS)
titles = {row["ITEM_ID"]: row["TITLE"] for row in csv.DictReader(open(os.path.join(DATA, "items.csv"), encoding="utf-8"))}


def wait(describe, member, arn_name, arn):
    """Polls a Describe call until the resource is ACTIVE; stops the script if it failed."""
    while True:
        resource = describe(**{arn_name: arn})[member]
        if resource["status"] == "ACTIVE":
            return resource
        if "FAILED" in resource["status"]:
            sys.exit(f"{arn} is {resource['status']}: {resource.get('failureReason')}")
        time.sleep(0.5)


def show(title, items):
    print(title)
    for item in items:
        print(f"  {item['itemId']:>7}  {item.get('score', 0):.4f}  {titles.get(item['itemId'], '?')}")


# 1. A dataset group with an Interactions dataset, filled from the shipped MovieLens ratings.
name = f"quickstart-{int(time.time())}"  # a new name each run, so the script can be run again
group = personalize.create_dataset_group(name=name)["datasetGroupArn"]
schema = personalize.create_schema(name=name, schema=json.dumps({
    "type": "record", "name": "Interactions", "namespace": "com.amazonaws.personalize.schema", "version": "1.0",
    "fields": [{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"},
               {"name": "TIMESTAMP", "type": "long"}, {"name": "EVENT_TYPE", "type": "string"},
               {"name": "EVENT_VALUE", "type": ["null", "float"]}]}))["schemaArn"]
wait(personalize.describe_dataset_group, "datasetGroup", "datasetGroupArn", group)
dataset = personalize.create_dataset(name=name, datasetGroupArn=group, schemaArn=schema,
                                     datasetType="Interactions")["datasetArn"]
wait(personalize.describe_dataset, "dataset", "datasetArn", dataset)

os.makedirs(os.path.join(OBJECT_ROOT, "quickstart"), exist_ok=True)
shutil.copy(os.path.join(DATA, "interactions.csv"), os.path.join(OBJECT_ROOT, "quickstart", "interactions.csv"))
job = personalize.create_dataset_import_job(
    jobName=name, datasetArn=dataset, importMode="FULL",
    dataSource={"dataLocation": "s3://quickstart/interactions.csv"},
    roleArn="arn:aws:iam::000000000000:role/unused")["datasetImportJobArn"]
wait(personalize.describe_dataset_import_job, "datasetImportJob", "datasetImportJobArn", job)
print(f"imported data/ml-latest-small/interactions.csv into {dataset}")

# 2. Train the user-personalization recipe and deploy it as a campaign.
solution = personalize.create_solution(name=name, datasetGroupArn=group,
                                       recipeArn="arn:aws:personalize:::recipe/aws-user-personalization")["solutionArn"]
wait(personalize.describe_solution, "solution", "solutionArn", solution)
version = personalize.create_solution_version(solutionArn=solution)["solutionVersionArn"]
wait(personalize.describe_solution_version, "solutionVersion", "solutionVersionArn", version)
metrics = personalize.get_solution_metrics(solutionVersionArn=version)["metrics"]
print(f"trained {version}: NDCG@10 {metrics['normalized_discounted_cumulative_gain_at_10']:.4f} on held-out users")
campaign = personalize.create_campaign(name=name, solutionVersionArn=version)["campaignArn"]
wait(personalize.describe_campaign, "campaign", "campaignArn", campaign)
# Like Personalize, a campaign may recommend what the user already rated; this filter leaves those out, live events too.
unseen = personalize.create_filter(name=name, datasetGroupArn=group,
                                   filterExpression='EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("rating")')["filterArn"]
wait(personalize.describe_filter, "filter", "filterArn", unseen)

# 3. Recommendations for a known user, through boto3 ...
show("recommendations for user 1 (movies they have not rated):", runtime.get_recommendations(campaignArn=campaign, userId="1", numResults=5, filterArn=unseen)["itemList"])

# ... and through plain HTTP, where Attune's extra member `explanation` (which SDKs drop) is visible.
request = urllib.request.Request(ENDPOINT + "/recommendations", method="POST", headers={"Content-Type": "application/json"},
                                 data=json.dumps({"campaignArn": campaign, "userId": "1", "numResults": 3, "filterArn": unseen}).encode())
with urllib.request.urlopen(request) as response:
    for item in json.load(response)["itemList"]:
        because = ", ".join(titles.get(i, i) for i in item["explanation"].get("items", [])) or item["explanation"]["basis"]
        print(f"  {titles.get(item['itemId'], '?')}: {item['explanation']['basis']}, because of {because}")

# 4. A new visitor: popular items first; three live events later, recommendations that follow them.
tracker = personalize.create_event_tracker(name=name, datasetGroupArn=group)
wait(personalize.describe_event_tracker, "eventTracker", "eventTrackerArn", tracker["eventTrackerArn"])
visitor = f"visitor-{name}"
before = runtime.get_recommendations(campaignArn=campaign, userId=visitor, numResults=5, filterArn=unseen)["itemList"]
show(f"recommendations for new user {visitor}:", before)
watched = ["260", "1196", "1210"]  # Star Wars IV, V and VI
events.put_events(trackingId=tracker["trackingId"], userId=visitor, sessionId=f"session-{name}", eventList=[
    {"eventType": "rating", "itemId": item, "eventValue": 5.0, "sentAt": time.time() + i} for i, item in enumerate(watched)])
after = runtime.get_recommendations(campaignArn=campaign, userId=visitor, numResults=5, filterArn=unseen)["itemList"]
show(f"after {visitor} rated {', '.join(titles[i] for i in watched)}:", after)
if [i["itemId"] for i in after] == [i["itemId"] for i in before]:
    sys.exit("the live events did not change the recommendations")
print("the events changed the very next recommendation")
