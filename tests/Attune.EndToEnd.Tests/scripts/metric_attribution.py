"""Metric attribution and online metrics through boto3 on a scripted stream: the six operations and their errors,
then GetRecommendations + PutEvents (recommendationId, eventAttributionSource) whose SUM and SAMPLECOUNT are
computed here by hand and must appear exactly in the object-store report, in /metrics, and (impressions, events on
recommended items, rates) in GET /online-metrics. The server publishes reports every second. argv[2] = object root."""
import json
import os
import re
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from e2e import (ARN_PREFIX, ENDPOINT, active_group, avro, check, client, events_client, expect_error, list_all, raw, run,
                 unique, wait_for, went_first)

OBJECT_ROOT = sys.argv[2]
USERS, ITEMS, NOW = 30, 20, 1_700_000_000
INTERACTIONS = avro("Interactions", [
    {"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"},
    {"name": "TIMESTAMP", "type": "long"}, {"name": "EVENT_TYPE", "type": "string"},
    {"name": "EVENT_VALUE", "type": ["null", "float"]},
    {"name": "RECOMMENDATION_ID", "type": ["null", "string"]},
    {"name": "EVENT_ATTRIBUTION_SOURCE", "type": ["null", "string"]}])
ITEMS_SCHEMA = avro("Items", [{"name": "ITEM_ID", "type": "string"}, {"name": "PRICE", "type": "float"},
                              {"name": "GENRES", "type": ["null", "string"], "categorical": True}])


def price(item):
    return int(item[1:]) + 0.5


def write_data(folder):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "interactions.csv"), "w", encoding="utf-8") as out:
        out.write("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE,RECOMMENDATION_ID,EVENT_ATTRIBUTION_SOURCE\n")
        for u in range(USERS):
            for k in range(6):
                # Bulk purchases with a source: left out of the report, as no import asked for publishAttributionMetricsToS3.
                kind, source = ("purchase", "bulk-source") if k == 0 else ("click", "")
                out.write(f"u{u},i{(u + k * 3) % ITEMS},{NOW - 86400 + u * 10 + k},{kind},1,,{source}\n")
    with open(os.path.join(folder, "items.csv"), "w", encoding="utf-8") as out:
        out.write("ITEM_ID,PRICE,GENRES\n")
        for i in range(ITEMS):
            out.write(f"i{i},{price(f'i{i}')},g{i % 3}\n")


def http(path):
    try:
        with urllib.request.urlopen(ENDPOINT + path, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def recommend(campaign, user):
    request = urllib.request.Request(ENDPOINT + "/recommendations", method="POST", headers={"Content-Type": "application/json"},
                                     data=json.dumps({"campaignArn": campaign, "userId": user, "numResults": 5}).encode())
    with urllib.request.urlopen(request, timeout=30) as response:
        answer = json.loads(response.read())
    return answer["recommendationId"], [item["itemId"] for item in answer["itemList"]]


def eventually(probe, what, timeout=30):
    """Polls probe() until it returns a truthy value (reports are published every second, online metrics flushed every second)."""
    deadline, last = time.time() + timeout, None
    while time.time() < deadline:
        last = probe()
        if last and last[0]:
            return last[1]
        time.sleep(0.25)
    raise AssertionError(f"{what} never came: last {last}")


def attribution_status(p, arn):
    return p.describe_metric_attribution(metricAttributionArn=arn)["metricAttribution"]


def scenario():
    p, events = client(), events_client()
    group = active_group(p, "attribution")
    folder = unique("attribution-data")
    write_data(os.path.join(OBJECT_ROOT, folder))
    datasets = {}
    for dataset_type, schema, name in (("Interactions", INTERACTIONS, "interactions"), ("Items", ITEMS_SCHEMA, "items")):
        schema_arn = p.create_schema(name=unique("attribution-" + name), schema=schema)["schemaArn"]
        datasets[dataset_type] = p.create_dataset(name=unique(name), datasetGroupArn=group, datasetType=dataset_type,
                                                  schemaArn=schema_arn)["datasetArn"]
        wait_for(lambda: p.describe_dataset(datasetArn=datasets[dataset_type])["dataset"], "ACTIVE")
        job = p.create_dataset_import_job(jobName=unique("attribution-import"), datasetArn=datasets[dataset_type],
                                          dataSource={"dataLocation": f"s3://{folder}/{name}.csv"},
                                          roleArn="arn:aws:iam::000000000000:role/unused")["datasetImportJobArn"]
        wait_for(lambda: p.describe_dataset_import_job(datasetImportJobArn=job)["datasetImportJob"], "ACTIVE")

    output = {"roleArn": "arn:aws:iam::000000000000:role/metrics", "s3DataDestination": {"path": f"s3://{folder}/reports/"}}
    metrics = [
        {"eventType": "click", "metricName": "clicks", "expression": "SAMPLECOUNT()"},
        {"eventType": "purchase", "metricName": "purchase_value", "expression": "SUM(Interactions.EVENT_VALUE)"},
        {"eventType": "purchase", "metricName": "revenue", "expression": "SUM(Items.PRICE)"},
    ]
    # Errors: each expression names its problem; the group must exist.
    for expression, word in (("SUM(Interactions.NOPE)", "NOPE"), ("AVG(Items.PRICE)", "AVG(Items.PRICE)"),
                             ("SUM(Items.GENRES)", "not numeric"), ("SUM(Users.AGE)", "SUM(Users.AGE)")):
        expect_error("InvalidInputException", p.create_metric_attribution, word, name=unique("bad"), datasetGroupArn=group,
                     metrics=[{"eventType": "click", "metricName": "m", "expression": expression}], metricsOutputConfig=output)
    expect_error("InvalidInputException", p.create_metric_attribution, "clicks", name=unique("bad"), datasetGroupArn=group,
                 metrics=metrics + [metrics[0]], metricsOutputConfig=output)
    expect_error("ResourceNotFoundException", p.create_metric_attribution, name=unique("bad"),
                 datasetGroupArn=ARN_PREFIX + "000000000000:dataset-group/no-such-group", metrics=metrics, metricsOutputConfig=output)

    name = unique("attribution")
    arn = p.create_metric_attribution(name=name, datasetGroupArn=group, metrics=metrics, metricsOutputConfig=output)["metricAttributionArn"]
    check(arn == f"{ARN_PREFIX}000000000000:metric-attribution/{name}", f"ARN {arn}")
    described, seen = wait_for(lambda: attribution_status(p, arn), "ACTIVE")
    check(described["datasetGroupArn"] == group and described["metricsOutputConfig"] == output, f"described {described}")
    expect_error("ResourceAlreadyExistsException", p.create_metric_attribution, "already has", name=unique("second"),
                 datasetGroupArn=group, metrics=metrics, metricsOutputConfig=output)
    listed = p.list_metric_attributions(datasetGroupArn=group)["metricAttributions"]
    check([a["metricAttributionArn"] for a in listed] == [arn] and listed[0]["status"] == "ACTIVE", f"listed {listed}")
    paged = list_all(p.list_metric_attribution_metrics, "metrics", 2, metricAttributionArn=arn)
    check(paged == metrics, f"metrics listed {paged}")
    expect_error("ResourceNotFoundException", p.describe_metric_attribution,
                 metricAttributionArn=ARN_PREFIX + "000000000000:metric-attribution/none")

    solution = p.create_solution(name=unique("attribution"), datasetGroupArn=group, performAutoTraining=False,
                                 recipeArn="arn:aws:personalize:::recipe/aws-user-personalization")["solutionArn"]
    wait_for(lambda: p.describe_solution(solutionArn=solution)["solution"], "ACTIVE")
    version = p.create_solution_version(solutionArn=solution)["solutionVersionArn"]
    wait_for(lambda: p.describe_solution_version(solutionVersionArn=version)["solutionVersion"], "ACTIVE", timeout=180)
    campaign = p.create_campaign(name=unique("attribution"), solutionVersionArn=version,
                                 campaignConfig={"itemExplorationConfig": {"explorationWeight": "0"}})["campaignArn"]
    wait_for(lambda: p.describe_campaign(campaignArn=campaign)["campaign"], "ACTIVE", timeout=120)
    tracker = p.create_event_tracker(name=unique("attribution"), datasetGroupArn=group)["trackingId"]

    # The scripted stream. Online: 2 recommendations, 10 impressions; clicks 3 (2 on returned items), purchases 1 (on one).
    rec_a, items_a = recommend(campaign, "u1")
    rec_b, items_b = recommend(campaign, "u2")
    check(len(items_a) == 5 and len(items_b) == 5, "five items each")
    outside = next(f"i{i}" for i in range(ITEMS) if f"i{i}" not in items_a)
    outside_b = next(f"i{i}" for i in range(ITEMS) if f"i{i}" not in items_b)
    sent = time.time()

    def put(user, item, event_type, value=None, recommendation=None, source=None, event_id=None, item_as_property=False):
        event = {"eventType": event_type, "sentAt": sent}
        if item_as_property:
            event["properties"] = json.dumps({"itemId": item})
        else:
            event["itemId"] = item
        if event_id:
            event["eventId"] = event_id
        if value is not None:
            event["eventValue"] = value
        if recommendation:
            event["recommendationId"] = recommendation
        if source:
            event["metricAttribution"] = {"eventAttributionSource": source}
        events.put_events(trackingId=tracker, userId=user, sessionId="s-" + user, eventList=[event])

    put("u1", items_a[0], "click", recommendation=rec_a)
    put("u1", outside, "click", recommendation=rec_a)
    # Sent twice, as an SDK retries: stored and counted once, in the report and online.
    put("u1", items_a[1], "purchase", value=3.5, recommendation=rec_a, event_id="purchase-1")
    put("u1", items_a[1], "purchase", value=3.5, recommendation=rec_a, event_id="purchase-1")
    put("u2", items_b[0], "purchase", value=2.0, source="email")
    put("u2", items_b[1], "click", recommendation=rec_b, item_as_property=True)
    put("u3", "i7", "click")
    put("u3", outside_b, "view", recommendation=rec_b, source="newsletter")

    expected = {
        ("clicks", campaign): 3.0, ("clicks", "SOURCE_NAME_UNDEFINED"): 1.0,
        ("purchase_value", campaign): 3.5, ("purchase_value", "email"): 2.0,
        ("revenue", campaign): price(items_a[1]), ("revenue", "email"): price(items_b[0]),
    }
    report_path = os.path.join(OBJECT_ROOT, folder, "reports", name, "attribution-metrics.jsonl")

    def report():
        if not os.path.exists(report_path):
            return False, None
        with open(report_path, encoding="utf-8") as stream:
            lines = [json.loads(line) for line in stream if line.strip()]
        got = {(line["metricName"], line["eventAttributionSource"]): line["value"] for line in lines}
        return got == expected, (got, lines)
    got, lines = eventually(report, "the object-store report")
    check(all(line["metricAttributionArn"] == arn for line in lines), f"report lines {lines}")

    def prometheus():
        status, text = http("/metrics")
        series = {}
        for match in re.finditer(r'^attune_metric_attribution_value\{([^}]*)\} (\S+)', text, re.M):
            labels = dict(re.findall(r'(\w+)="([^"]*)"', match.group(1)))
            if labels.get("metric_attribution") == arn:
                series[(labels["metric_name"], labels["attribution_source"])] = float(match.group(2))
        return status == 200 and series == expected, series
    eventually(prometheus, "the /metrics series")

    def online():
        status, text = http(f"/online-metrics?resourceArn={campaign}&minutes=5")
        body = json.loads(text)
        totals = body.get("totals", {})
        done = (status == 200 and totals.get("recommendations") == 2
                and totals.get("events", {}).get("click", {}).get("count") == 3
                and totals.get("events", {}).get("purchase", {}).get("count") == 1)
        return done, body
    body = eventually(online, "the online metrics")
    totals = body["totals"]
    check(body["resourceArn"] == campaign and body["bucketSeconds"] == 60 and len(body["buckets"]) == 5, f"online {body}")
    check(totals["impressions"] == 10, f"impressions {totals}")
    check(totals["events"]["click"] == {"count": 3, "onRecommended": 2, "rate": 0.2}, f"clicks {totals}")
    check(totals["events"]["purchase"] == {"count": 1, "onRecommended": 1, "rate": 0.1}, f"purchases {totals}")
    check(totals["events"]["view"] == {"count": 1, "onRecommended": 0, "rate": 0.0}, f"views {totals}")
    check(sum(b["recommendations"] for b in body["buckets"]) == 2 and all("start" in b for b in body["buckets"]), f"buckets {body}")

    def online_series():
        _, text = http("/metrics")
        pattern = r'^attune_online_(impressions_total|events_on_recommended_total)\{([^}]*)\} (\S+)'
        series = {}
        for match in re.finditer(pattern, text, re.M):
            labels = dict(re.findall(r'(\w+)="([^"]*)"', match.group(2)))
            if labels.get("resource") == campaign:
                series[(match.group(1), labels.get("event_type"))] = float(match.group(3))
        want = {("impressions_total", None): 10.0, ("events_on_recommended_total", "click"): 2.0,
                ("events_on_recommended_total", "purchase"): 1.0, ("events_on_recommended_total", "view"): 0.0}
        return series == want, series
    eventually(online_series, "the online /metrics series")

    status, text = http("/online-metrics?resourceArn=" + ARN_PREFIX + "000000000000:campaign/none")
    check(status == 404 and json.loads(text)["__type"].endswith("ResourceNotFoundException"), f"unknown campaign: {status} {text}")
    status, text = http("/online-metrics?resourceArn=" + ARN_PREFIX + "999999999999:campaign/other-account")
    check(status == 404, f"another account's ARN: {status} {text}")
    status, text = http(f"/online-metrics?resourceArn={campaign}&minutes=0")
    check(status == 400 and "minutes" in text, f"minutes=0: {status} {text}")

    # Update: drop clicks, add views; the report follows.
    expect_error("InvalidInputException", p.update_metric_attribution, "nope", metricAttributionArn=arn, removeMetrics=["nope"])
    expect_error("InvalidInputException", p.update_metric_attribution, "revenue", metricAttributionArn=arn,
                 addMetrics=[{"eventType": "view", "metricName": "revenue", "expression": "SAMPLECOUNT()"}])
    views = {"eventType": "view", "metricName": "views", "expression": "SAMPLECOUNT()"}
    p.update_metric_attribution(metricAttributionArn=arn, removeMetrics=["clicks"], addMetrics=[views])
    deadline, statuses = time.time() + 30, []
    while True:
        status = attribution_status(p, arn)["status"]
        if not statuses or statuses[-1] != status:
            statuses.append(status)
        if status == "ACTIVE":
            break
        check(status in ("UPDATE PENDING", "UPDATE IN_PROGRESS") and time.time() < deadline, f"update statuses {statuses}")
        time.sleep(0.05)
    check(p.list_metric_attribution_metrics(metricAttributionArn=arn)["metrics"] == metrics[1:] + [views], "metrics after update")
    expected = {k: v for k, v in expected.items() if k[0] != "clicks"}
    expected[("views", "newsletter")] = 1.0
    eventually(report, "the updated report")

    # An import that asks for publishAttributionMetricsToS3 brings the group's bulk rows into the report.
    with open(os.path.join(OBJECT_ROOT, folder, "more.csv"), "w", encoding="utf-8") as out:
        out.write("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE,RECOMMENDATION_ID,EVENT_ATTRIBUTION_SOURCE\n")
        out.write(f"u1,i3,{NOW},purchase,2,,bulk-source\n")
    job = p.create_dataset_import_job(jobName=unique("attribution-publish"), datasetArn=datasets["Interactions"],
                                      dataSource={"dataLocation": f"s3://{folder}/more.csv"}, importMode="INCREMENTAL",
                                      publishAttributionMetricsToS3=True)["datasetImportJobArn"]
    wait_for(lambda: p.describe_dataset_import_job(datasetImportJobArn=job)["datasetImportJob"], "ACTIVE")
    bulk_items = [f"i{u % ITEMS}" for u in range(USERS)] + ["i3"]
    expected[("purchase_value", "bulk-source")] = USERS * 1.0 + 2.0
    expected[("revenue", "bulk-source")] = sum(price(item) for item in bulk_items)
    eventually(report, "the report with the published bulk rows")

    # Malformed calls get InvalidInputException, never a 500.
    for operation, body in (("CreateMetricAttribution", {"name": "x", "datasetGroupArn": group, "metrics": [],
                                                         "metricsOutputConfig": output}),
                            ("CreateMetricAttribution", {"name": "x", "datasetGroupArn": group, "metrics": "clicks",
                                                         "metricsOutputConfig": output}),
                            ("CreateMetricAttribution", {"name": "x", "datasetGroupArn": group, "metrics": metrics,
                                                         "metricsOutputConfig": {"s3DataDestination": {"path": "s3://b/k"}}}),
                            ("UpdateMetricAttribution", {"addMetrics": [views]}),
                            ("ListMetricAttributionMetrics", {"maxResults": 0}),
                            ("ListMetricAttributionMetrics", {"metricAttributionArn": arn, "nextToken": "garbage"}),
                            ("DescribeMetricAttribution", {})):
        status, payload = raw(operation, body)
        check(status == 400 and payload.get("__type", "").split("#")[-1] in ("InvalidInputException", "InvalidNextTokenException"),
              f"{operation} {body}: {status} {payload}")

    # Concurrent updates (and then a delete racing an update): each one answered 200 took effect, the others were
    # told ResourceInUseException; no change is lost, the attribution never stays transient.
    before = [m["metricName"] for m in p.list_metric_attribution_metrics(metricAttributionArn=arn)["metrics"]]
    racers = [{"eventType": "race", "metricName": f"race_{i}", "expression": "SAMPLECOUNT()"} for i in range(10 - len(before))]
    with ThreadPoolExecutor(len(racers)) as pool:
        won = list(pool.map(lambda m: went_first(p.update_metric_attribution, metricAttributionArn=arn, addMetrics=[m]), racers))
    check(any(won), "no concurrent update succeeded")
    wait_for(lambda: attribution_status(p, arn), "ACTIVE")
    after = [m["metricName"] for m in p.list_metric_attribution_metrics(metricAttributionArn=arn)["metrics"]]
    check(sorted(after) == sorted(before + [m["metricName"] for m, ok in zip(racers, won) if ok]),
          f"concurrent updates: {won} answered, metrics {after}")
    with ThreadPoolExecutor(2) as pool:
        update = pool.submit(went_first, p.update_metric_attribution, metricAttributionArn=arn, removeMetrics=[after[-1]])
        deleted = pool.submit(went_first, p.delete_metric_attribution, metricAttributionArn=arn)
        update.result()
    if not deleted.result():
        wait_for(lambda: attribution_status(p, arn), "ACTIVE")
        p.delete_metric_attribution(metricAttributionArn=arn)
    deadline = time.time() + 30
    while True:
        try:
            check(attribution_status(p, arn)["status"] in ("DELETE PENDING", "DELETE IN_PROGRESS"), "deleting")
        except p.exceptions.ResourceNotFoundException:
            break
        check(time.time() < deadline, "the attribution is never deleted")
        time.sleep(0.05)
    check(p.list_metric_attributions(datasetGroupArn=group)["metricAttributions"] == [], "listed after delete")
    eventually(lambda: (not prometheus()[1], None), "the /metrics series to go")


run(scenario)
