"""Interactions filters over a heavy user's whole history, through boto3: "heavy" rated i0..i9 long ago and then
i10..i19 240 times; a PutEvents rating that names its item only in properties (as the Personalize samples send
it) adds i20. With the default settings an EXCLUDE of rated items drops all 21 at once; with
Attune:Serving:InteractionsPerEventTypeCap=100 (argv[3] "100") only the newest 100 ratings count, as in
Personalize, so the oldest ratings (i0..i9) come back. argv[2] = object root. Data is generated here."""
import json
import os
import sys

import boto3
from botocore.config import Config

from e2e import (ENDPOINT, INTERACTIONS_SCHEMA, active_dataset, active_group, check, client, events_client, run, unique,
                 wait_for)
from training_setup import deployed_campaign

OBJECT_ROOT, CAP = sys.argv[2], sys.argv[3]
ITEMS, USERS, NOW = 40, 30, 1_700_000_000


def write_interactions(path):
    with open(path, "w", encoding="utf-8") as out:
        out.write("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n")
        for u in range(USERS):
            for k in range(10):
                out.write(f"u{u},i{(u * 7 + k) % ITEMS},{NOW - 86400 * 100 + u * 50 + k},view,\n")
        for i in range(10):
            out.write(f"heavy,i{i},{NOW - 86400 * 90 + i},rating,5\n")
        for k in range(240):
            out.write(f"heavy,i{10 + k % 10},{NOW - 86400 * 30 + k},rating,4\n")


def scenario():
    p, events = client(), events_client()
    runtime = boto3.client("personalize-runtime", endpoint_url=ENDPOINT, region_name="us-east-1",
                           config=Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=30))
    group = active_group(p, "history")
    folder = unique("history-data")
    os.makedirs(os.path.join(OBJECT_ROOT, folder))
    write_interactions(os.path.join(OBJECT_ROOT, folder, "interactions.csv"))
    dataset, _ = active_dataset(p, group, "Interactions", INTERACTIONS_SCHEMA, "history-interactions")
    job = p.create_dataset_import_job(jobName=unique("history-import"), datasetArn=dataset,
                                      dataSource={"dataLocation": f"s3://{folder}/interactions.csv"})["datasetImportJobArn"]
    wait_for(lambda: p.describe_dataset_import_job(datasetImportJobArn=job)["datasetImportJob"], "ACTIVE")
    campaign = deployed_campaign(p, group, "history")
    unrated = p.create_filter(name=unique("history-unrated"), datasetGroupArn=group,
                              filterExpression='EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("rating")')["filterArn"]
    wait_for(lambda: p.describe_filter(filterArn=unrated)["filter"], "ACTIVE")
    tracker = p.create_event_tracker(name=unique("history"), datasetGroupArn=group)["eventTrackerArn"]
    wait_for(lambda: p.describe_event_tracker(eventTrackerArn=tracker)["eventTracker"], "ACTIVE")
    tracking_id = p.describe_event_tracker(eventTrackerArn=tracker)["eventTracker"]["trackingId"]

    # The item only in properties, as the Personalize samples send it.
    events.put_events(trackingId=tracking_id, userId="heavy", sessionId="s-heavy", eventList=[
        {"eventType": "rating", "sentAt": NOW, "eventValue": 5, "properties": json.dumps({"itemId": "i20"})}])

    served = [i["itemId"] for i in runtime.get_recommendations(campaignArn=campaign, userId="heavy", numResults=ITEMS,
                                                                 filterArn=unrated)["itemList"]]
    newest = {f"i{i}" for i in range(10, 21)}
    oldest = {f"i{i}" for i in range(10)}
    check(served, "heavy gets recommendations")
    check(not newest & set(served), f"recently rated items leaked: {sorted(newest & set(served))}")
    if CAP == "100":
        check(oldest <= set(served), f"Personalize's cap lets the ratings beyond the newest 100 through: {served}")
    else:
        check(not oldest & set(served), f"ratings older than the newest 100 leaked: {sorted(oldest & set(served))}")


if __name__ == "__main__":
    run(scenario)
