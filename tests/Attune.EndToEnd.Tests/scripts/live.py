"""Live learning through boto3: a PutEvents 200 is in the very next GetRecommendations (new user personalized, an
Interactions EXCLUDE filter), PutItems makes a new item recommendable at once through exploration, PutUsers
changes an IF CurrentUser filter, and trainingMode UPDATE trains on the put events and items without downtime
for a campaign on $LATEST. argv[2] = object root."""
import json
import os
import sys
import time
import urllib.request

import boto3
from botocore.config import Config

from e2e import (ENDPOINT, INTERACTIONS_SCHEMA, ITEMS_SCHEMA, USERS_SCHEMA, active_dataset, active_group, check, client,
                 run, unique, wait_for)

OBJECT_ROOT = sys.argv[2]
GENRES = ["Comedy", "Drama", "Action"]
ITEMS, USERS, NOW = 30, 40, 1_700_000_000


def service(name):
    return boto3.client(name, endpoint_url=ENDPOINT, region_name="us-east-1",
                        config=Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=30))


def write_data(folder):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "interactions.csv"), "w", encoding="utf-8") as out:
        out.write("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n")
        for u in range(USERS):
            # Each user stays within one genre: items i ≡ u (mod 3).
            for k in range(8):
                out.write(f"u{u},i{(u % 3) + 3 * ((u + k) % (ITEMS // 3))},{NOW - 86400 * 200 + u * 100 + k},click,1\n")
    with open(os.path.join(folder, "items.csv"), "w", encoding="utf-8") as out:
        out.write("ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP\n")
        for i in range(ITEMS):
            out.write(f"i{i},Title {i},{GENRES[i % 3]},{NOW - 86400 * 400}\n")
    with open(os.path.join(folder, "users.csv"), "w", encoding="utf-8") as out:
        out.write("USER_ID,GENDER,AGE,OCCUPATION,ZIP\n")
        for u in range(USERS):
            out.write(f"u{u},F,{20 + u},other,00000\n")


def recommend(campaign, user, **extra):
    """Raw POST /recommendations, so Attune's explanation member is visible."""
    body = dict(campaignArn=campaign, userId=user, **extra)
    request = urllib.request.Request(ENDPOINT + "/recommendations", data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["itemList"]


def trained(p, solution, **kwargs):
    version = p.create_solution_version(solutionArn=solution, **kwargs)["solutionVersionArn"]
    wait_for(lambda: p.describe_solution_version(solutionVersionArn=version)["solutionVersion"], "ACTIVE", timeout=180)
    return version


def scenario():
    p, events, r = client(), service("personalize-events"), service("personalize-runtime")
    group = active_group(p, "live")
    folder = unique("live-data")
    write_data(os.path.join(OBJECT_ROOT, folder))
    datasets = {}
    for dataset_type, schema, name in (("Interactions", INTERACTIONS_SCHEMA, "interactions"), ("Items", ITEMS_SCHEMA, "items"),
                                       ("Users", USERS_SCHEMA, "users")):
        datasets[dataset_type], _ = active_dataset(p, group, dataset_type, schema, "live-" + name)
        job = p.create_dataset_import_job(jobName=unique("live-import"), datasetArn=datasets[dataset_type],
                                          dataSource={"dataLocation": f"s3://{folder}/{name}.csv"})["datasetImportJobArn"]
        wait_for(lambda: p.describe_dataset_import_job(datasetImportJobArn=job)["datasetImportJob"], "ACTIVE")
    solution = p.create_solution(name=unique("live"), datasetGroupArn=group, performAutoTraining=False,
                                 recipeArn="arn:aws:personalize:::recipe/aws-user-personalization")["solutionArn"]
    wait_for(lambda: p.describe_solution(solutionArn=solution)["solution"], "ACTIVE")
    first_version = trained(p, solution)
    campaign = p.create_campaign(name=unique("live"), solutionVersionArn=solution + "/$LATEST",
                                 campaignConfig={"syncWithLatestSolutionVersion": True,
                                                 "itemExplorationConfig": {"explorationWeight": "0.3",
                                                                           "explorationItemAgeCutOff": "30"}})["campaignArn"]
    wait_for(lambda: p.describe_campaign(campaignArn=campaign)["campaign"], "ACTIVE", timeout=120)
    tracker = p.create_event_tracker(name=unique("live"), datasetGroupArn=group)["eventTrackerArn"]
    wait_for(lambda: p.describe_event_tracker(eventTrackerArn=tracker)["eventTracker"], "ACTIVE")
    tracking_id = p.describe_event_tracker(eventTrackerArn=tracker)["eventTracker"]["trackingId"]
    unclicked = p.create_filter(name=unique("live-unclicked"), datasetGroupArn=group,
                                filterExpression='EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")')["filterArn"]
    wait_for(lambda: p.describe_filter(filterArn=unclicked)["filter"], "ACTIVE")
    comedy_for_seniors = p.create_filter(
        name=unique("live-seniors"), datasetGroupArn=group,
        filterExpression='INCLUDE ItemID WHERE Items.GENRES IN ("Comedy") IF CurrentUser.AGE > 65')["filterArn"]
    wait_for(lambda: p.describe_filter(filterArn=comedy_for_seniors)["filter"], "ACTIVE")

    # A new user's first event personalizes the very next request: Drama items (i ≡ 1 mod 3), explained by the event.
    cold = recommend(campaign, "newbie", numResults=5)
    check(all(i["explanation"]["basis"] in ("popular", "new item exploration") for i in cold), f"cold user {cold}")
    events.put_events(trackingId=tracking_id, userId="newbie", sessionId="s-newbie",
                      eventList=[{"eventType": "click", "itemId": "i4", "sentAt": NOW}])
    warm = recommend(campaign, "newbie", numResults=5)
    history = [i for i in warm if i["explanation"]["basis"] == "history"]
    check(history and all(int(i["itemId"][1:]) % 3 == 1 for i in history), f"after one Drama click: {warm}")
    check(any("i4" in i["explanation"].get("items", []) for i in history), f"explanations name the clicked item: {warm}")

    # The next request's Interactions filter sees the event.
    top = recommend(campaign, "u0", numResults=1, filterArn=unclicked)[0]["itemId"]
    events.put_events(trackingId=tracking_id, userId="u0", sessionId="s-u0",
                      eventList=[{"eventType": "click", "itemId": top, "sentAt": NOW}])
    after = [i["itemId"] for i in recommend(campaign, "u0", numResults=10, filterArn=unclicked)]
    check(top not in after, f"{top} was clicked, the EXCLUDE filter must drop it at once: {after}")

    # PutItems: a new item is recommendable at once, through exploration.
    events.put_items(datasetArn=datasets["Items"], items=[{"itemId": "brand-new", "properties": json.dumps(
        {"title": "Brand new", "genres": "Comedy", "creationTimestamp": NOW})}])
    explored = recommend(campaign, "u0", numResults=ITEMS + 1)
    fresh = [i for i in explored if i["itemId"] == "brand-new"]
    check(fresh and fresh[0]["explanation"]["basis"] == "new item exploration", f"the new item is explored: {explored}")

    # PutUsers: the IF CurrentUser clause applies once the user is over 65.
    young = {i["itemId"] for i in recommend(campaign, "u1", numResults=15, filterArn=comedy_for_seniors)}
    check(any(int(i[1:]) % 3 != 0 for i in young if i.startswith("i")), f"u1 (21) is not filtered: {young}")
    events.put_users(datasetArn=datasets["Users"], users=[{"userId": "u1", "properties": json.dumps(
        {"gender": "F", "age": 70, "occupation": "other", "zip": "00000"})}])
    senior = [i["itemId"] for i in recommend(campaign, "u1", numResults=15, filterArn=comedy_for_seniors)]
    check(senior and all(i == "brand-new" or int(i[1:]) % 3 == 0 for i in senior), f"u1 (70) gets Comedy only: {senior}")

    # trainingMode UPDATE trains on what PutEvents and PutItems stored; the $LATEST campaign follows without downtime.
    events.put_events(trackingId=tracking_id, userId="newbie", sessionId="s-newbie",
                      eventList=[{"eventType": "click", "itemId": "brand-new", "sentAt": NOW + 1}])
    updated = trained(p, solution, trainingMode="UPDATE")
    check(updated != first_version, "a new version")
    deadline = time.time() + 60
    while True:
        items = recommend(campaign, "newbie", numResults=ITEMS + 1)
        known = [i for i in items if i["itemId"] == "brand-new" and i["explanation"]["basis"] != "new item exploration"]
        if known or time.time() > deadline:
            break
        time.sleep(0.5)
    check(known, f"after UPDATE the model knows the put item and newbie's events: {items}")
    check(r.get_recommendations(campaignArn=campaign, userId="newbie", numResults=3)["itemList"], "still serving")


if __name__ == "__main__":
    run(scenario)
