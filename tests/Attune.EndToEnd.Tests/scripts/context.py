"""Runtime context through boto3: an Interactions DEVICE column (contextual metadata) trains per-device lifts, and
GetRecommendations / GetPersonalizedRanking with context={"DEVICE": ...} raise that device's items; an unknown context
key changes nothing; Attune's explanation names the context that raised an item; trainingDataConfig can leave the column
out. argv[2] = object root."""
import json
import os
import sys
import urllib.request

import boto3
from botocore.config import Config

from e2e import ENDPOINT, active_dataset, active_group, avro, check, client, run, unique, wait_for

OBJECT_ROOT = sys.argv[2]
SCHEMA = avro("Interactions", [
    {"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"},
    {"name": "TIMESTAMP", "type": "long"}, {"name": "EVENT_TYPE", "type": "string"},
    {"name": "DEVICE", "type": ["null", "string"], "categorical": True}])
NOW = 1_700_000_000


def write_interactions(folder):
    """80 users: everyone sees the shared items s0..s5; even users then see m items on mobile, odd ones d items on desktop."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "interactions.csv"), "w", encoding="utf-8") as out:
        out.write("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,DEVICE\n")
        time = NOW - 86400
        for u in range(80):
            device, prefix = ("mobile", "m") if u % 2 == 0 else ("desktop", "d")
            for item in [f"s{k}" for k in range(6)] + [f"{prefix}{(u // 2 + k) % 8}" for k in range(3)]:
                time += 1
                out.write(f"u{u},{item},{time},click,{device}\n")


def trained_campaign(p, group, recipe, **solution_members):
    solution = p.create_solution(name=unique("context-" + recipe), datasetGroupArn=group,
                                 recipeArn="arn:aws:personalize:::recipe/" + recipe, **solution_members)["solutionArn"]
    wait_for(lambda: p.describe_solution(solutionArn=solution)["solution"], "ACTIVE")
    version = p.create_solution_version(solutionArn=solution)["solutionVersionArn"]
    wait_for(lambda: p.describe_solution_version(solutionVersionArn=version)["solutionVersion"], "ACTIVE", timeout=180)
    config = {"itemExplorationConfig": {"explorationWeight": "0"}} if recipe == "aws-user-personalization" else {}
    arn = p.create_campaign(name=unique("context-campaign"), solutionVersionArn=version,
                            **({"campaignConfig": config} if config else {}))["campaignArn"]
    wait_for(lambda: p.describe_campaign(campaignArn=arn)["campaign"], "ACTIVE", timeout=120)
    return arn


def scenario():
    p = client()
    runtime = boto3.client("personalize-runtime", endpoint_url=ENDPOINT, region_name="us-east-1",
                           config=Config(retries={"max_attempts": 1}))
    bucket = unique("context")
    write_interactions(os.path.join(OBJECT_ROOT, bucket))
    group = active_group(p, "context")
    dataset, _ = active_dataset(p, group, "Interactions", SCHEMA, "context-interactions")
    job = p.create_dataset_import_job(jobName=unique("context-import"), datasetArn=dataset,
                                      dataSource={"dataLocation": f"s3://{bucket}/interactions.csv"})["datasetImportJobArn"]
    wait_for(lambda: p.describe_dataset_import_job(datasetImportJobArn=job)["datasetImportJob"], "ACTIVE")
    campaign = trained_campaign(p, group, "aws-user-personalization")

    def device_items(context=None, user="visitor"):
        extra = {"context": context} if context else {}
        items = runtime.get_recommendations(campaignArn=campaign, userId=user, numResults=10, **extra)["itemList"]
        return [i["itemId"] for i in items if not i["itemId"].startswith("s")]

    mobile, desktop = device_items({"DEVICE": "mobile"}), device_items({"DEVICE": "desktop"})
    check(mobile and all(i.startswith("m") for i in mobile), f"DEVICE=mobile should raise m items: {mobile}")
    check(desktop and all(i.startswith("d") for i in desktop), f"DEVICE=desktop should raise d items: {desktop}")
    # A known desktop user on a phone: the mobile context brings mobile items in among the user's desktop ones.
    check(any(i.startswith("m") for i in device_items({"DEVICE": "mobile"}, "u1")), "context does not reach a known user")
    check(device_items({"LOCATION": "mobile"}) == device_items(), "an unknown context key changed the answer")
    check(device_items({"DEVICE": "tv"}) == device_items(), "an unknown context value changed the answer")

    body = json.dumps({"campaignArn": campaign, "userId": "visitor", "numResults": 10, "context": {"DEVICE": "mobile"}}).encode()
    request = urllib.request.Request(ENDPOINT + "/recommendations", data=body, method="POST", headers={"Content-Type": "application/json"})
    answer = json.load(urllib.request.urlopen(request))["itemList"]
    raised = [i for i in answer if i["itemId"].startswith("m")]
    check(raised and all(i["explanation"].get("context") == ["DEVICE=mobile"] for i in raised), f"explanation: {raised}")
    check(all("context" not in i["explanation"] for i in answer if i["itemId"].startswith("s")), f"explanation: {answer}")

    ranking = trained_campaign(p, group, "aws-personalized-ranking")
    for device, first in (("mobile", "m0"), ("desktop", "d0")):
        ranked = runtime.get_personalized_ranking(campaignArn=ranking, userId="visitor", inputList=["m0", "d0"],
                                                  context={"DEVICE": device})["personalizedRanking"]
        check(ranked[0]["itemId"] == first, f"ranking with DEVICE={device}: {ranked}")

    # trainingDataConfig leaving DEVICE out of training: the context then has nothing to say.
    campaign = trained_campaign(p, group, "aws-user-personalization",
                                solutionConfig={"trainingDataConfig": {"excludedDatasetColumns": {"INTERACTIONS": ["DEVICE"]}}})
    check(device_items({"DEVICE": "mobile"}) == device_items(), "an excluded context column still moved items")


run(scenario)
