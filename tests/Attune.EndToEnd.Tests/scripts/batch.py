"""Batch inference and batch segment jobs through boto3: every output line equals the runtime's answer for the same
solution version, filter and numResults (through a campaign on that version); segments list numResults users of the data; THEME_GENERATION, a missing input and bad lines. argv[2] = object root."""
import json
import os
import random
import sys

import boto3
from botocore.config import Config

from e2e import (ENDPOINT, INTERACTIONS_SCHEMA, ITEMS_SCHEMA, active_dataset, active_group, check, client, expect_error,
                 raw, run, unique, wait_for)

OBJECT_ROOT = sys.argv[2]
GENRES = ["Comedy", "Drama", "Action", "Horror"]
ITEMS, USERS, NOW = 40, 60, 1_700_000_000
ROLE = "arn:aws:iam::000000000000:role/unused"
NO_EXPLORATION = {"explorationWeight": "0"}


def write_data(folder):
    rng = random.Random(7)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "interactions.csv"), "w", encoding="utf-8") as out:
        out.write("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n")
        for u in range(USERS):
            for k in range(10):
                out.write(f"u{u},i{int(rng.paretovariate(1.2)) % ITEMS},{NOW - 86400 * 90 + u * 100 + k},click,1\n")
    with open(os.path.join(folder, "items.csv"), "w", encoding="utf-8") as out:
        out.write("ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP\n")
        for i in range(ITEMS):
            out.write(f"i{i},Title {i},{GENRES[i % len(GENRES)]},{NOW - 86400 * 400}\n")


def write_lines(folder, name, lines):
    with open(os.path.join(OBJECT_ROOT, folder, name), "w", encoding="utf-8") as out:
        out.writelines(line + "\n" for line in lines)


def read_output(folder, name):
    with open(os.path.join(OBJECT_ROOT, folder, "out", name + ".out"), encoding="utf-8") as out:
        return [json.loads(line) for line in out]


def trained(p, group, recipe):
    solution = p.create_solution(name=unique("batch-" + recipe), datasetGroupArn=group,
                                 recipeArn="arn:aws:personalize:::recipe/" + recipe)["solutionArn"]
    wait_for(lambda: p.describe_solution(solutionArn=solution)["solution"], "ACTIVE")
    version = p.create_solution_version(solutionArn=solution)["solutionVersionArn"]
    wait_for(lambda: p.describe_solution_version(solutionVersionArn=version)["solutionVersion"], "ACTIVE", timeout=180)
    return version


def campaign(p, version):
    arn = p.create_campaign(name=unique("batch-campaign"), solutionVersionArn=version,
                            campaignConfig={"itemExplorationConfig": NO_EXPLORATION})["campaignArn"]
    wait_for(lambda: p.describe_campaign(campaignArn=arn)["campaign"], "ACTIVE", timeout=120)
    return arn


def inference_job(p, version, folder, name, final="ACTIVE", **kwargs):
    arn = p.create_batch_inference_job(
        jobName=unique("batch-job"), solutionVersionArn=version, roleArn=ROLE,
        jobInput={"s3DataSource": {"path": f"s3://{folder}/{name}"}},
        jobOutput={"s3DataDestination": {"path": f"s3://{folder}/out/"}},
        batchInferenceJobConfig={"itemExplorationConfig": NO_EXPLORATION}, **kwargs)["batchInferenceJobArn"]
    job, statuses = wait_for(lambda: p.describe_batch_inference_job(batchInferenceJobArn=arn)["batchInferenceJob"], final, timeout=120)
    return arn, job, statuses


def raw_job(operation, member, arn_member, arn):
    status, payload = raw(operation, {arn_member: arn})
    check(status == 200, f"raw {operation}: {status} {payload}")
    return payload[member]


def scenario():
    p = client()
    r = boto3.client("personalize-runtime", endpoint_url=ENDPOINT, region_name="us-east-1",
                     config=Config(retries={"max_attempts": 1}))
    group = active_group(p, "batch")
    folder = unique("batch-data")
    write_data(os.path.join(OBJECT_ROOT, folder))
    for dataset_type, schema, name in (("Interactions", INTERACTIONS_SCHEMA, "interactions"), ("Items", ITEMS_SCHEMA, "items")):
        dataset, _ = active_dataset(p, group, dataset_type, schema, "batch-" + name)
        job = p.create_dataset_import_job(jobName=unique("batch-import"), datasetArn=dataset,
                                          dataSource={"dataLocation": f"s3://{folder}/{name}.csv"})["datasetImportJobArn"]
        wait_for(lambda: p.describe_dataset_import_job(datasetImportJobArn=job)["datasetImportJob"], "ACTIVE")
    up, rank, sims = (trained(p, group, recipe) for recipe in ("aws-user-personalization", "aws-personalized-ranking", "aws-sims"))
    comedy = p.create_filter(name=unique("batch-filter"), datasetGroupArn=group,
                             filterExpression='INCLUDE ItemID WHERE Items.GENRES IN ("Comedy")')["filterArn"]
    wait_for(lambda: p.describe_filter(filterArn=comedy)["filter"], "ACTIVE")

    # User personalization with a filter and numResults: every line equals GetRecommendations on a campaign.
    users = [f"u{u}" for u in range(USERS)] + ["never-seen"]
    write_lines(folder, "users.jsonl", [json.dumps({"userId": u}) for u in users] + ["not json", '{"itemId": "i1"}',
                                                                                      '{"userId": "u1", "color": "red"}'])
    arn, job, statuses = inference_job(p, up, folder, "users.jsonl", filterArn=comedy, numResults=7)
    check(statuses[-1] == "ACTIVE" and job["numResults"] == 7 and job["filterArn"] == comedy
          and job["batchInferenceJobMode"] == "BATCH_INFERENCE" and job["roleArn"] == ROLE, f"described {job}")
    progress = raw_job("DescribeBatchInferenceJob", "batchInferenceJob", "batchInferenceJobArn", arn)["jobProgress"]
    check(progress == {"linesDone": len(users) + 3, "linesTotal": len(users) + 3}, f"jobProgress {progress}")
    up_campaign = campaign(p, up)
    output = read_output(folder, "users.jsonl")
    check(len(output) == len(users) + 3, f"{len(output)} output lines")
    for user, line in zip(users, output):
        answer = r.get_recommendations(campaignArn=up_campaign, userId=user, numResults=7, filterArn=comedy)["itemList"]
        check(line["input"] == {"userId": user} and line["error"] is None, f"line {line}")
        check(line["output"]["recommendedItems"] == [i["itemId"] for i in answer], f"{user}: {line} != {answer}")
        scores = [None if i.get("score") is None else round(i["score"], 9) for i in answer]
        check([None if s is None else round(s, 9) for s in line["output"].get("scores", [None] * len(answer))] == scores,
              f"{user} scores {line} != {answer}")
    bad_json, no_user, unknown = output[-3:]
    check(bad_json["input"] == "not json" and bad_json["output"] is None and "not valid JSON" in bad_json["error"], f"{bad_json}")
    check(no_user["output"] is None and "userId" in no_user["error"], f"{no_user}")
    check(unknown["output"] is None and "color" in unknown["error"], f"{unknown}")

    # Personalized ranking and SIMS the same way.
    write_lines(folder, "rank.jsonl", [json.dumps({"userId": f"u{u}", "itemList": [f"i{i}" for i in range(u % 5, 30, 3)]})
                                       for u in range(20)])
    inference_job(p, rank, folder, "rank.jsonl")
    rank_campaign = campaign(p, rank)
    for u, line in enumerate(read_output(folder, "rank.jsonl")):
        answer = r.get_personalized_ranking(campaignArn=rank_campaign, userId=f"u{u}", inputList=line["input"]["itemList"])
        check(line["output"]["recommendedItems"] == [i["itemId"] for i in answer["personalizedRanking"]], f"rank u{u}: {line}")
    write_lines(folder, "items.jsonl", [json.dumps({"itemId": f"i{i}"}) for i in range(ITEMS)])
    inference_job(p, sims, folder, "items.jsonl")
    sims_campaign = campaign(p, sims)
    for i, line in enumerate(read_output(folder, "items.jsonl")):
        answer = r.get_recommendations(campaignArn=sims_campaign, itemId=f"i{i}")["itemList"]
        check(line["output"]["recommendedItems"] == [x["itemId"] for x in answer], f"sims i{i}: {line}")

    listed = p.list_batch_inference_jobs(solutionVersionArn=up)["batchInferenceJobs"]
    check([j["batchInferenceJobArn"] for j in listed] == [arn] and listed[0]["solutionVersionArn"] == up, f"listed {listed}")
    page = p.list_batch_inference_jobs(maxResults=1)
    check(len(page["batchInferenceJobs"]) == 1 and "nextToken" in page, f"paging {page}")

    # Refusals and failures.
    expect_error("InvalidInputException", p.create_batch_inference_job, "THEME_GENERATION", jobName=unique("theme"),
                 solutionVersionArn=sims, roleArn=ROLE, batchInferenceJobMode="THEME_GENERATION",
                 themeGenerationConfig={"fieldsForThemeGeneration": {"itemName": "TITLE"}},
                 jobInput={"s3DataSource": {"path": f"s3://{folder}/items.jsonl"}},
                 jobOutput={"s3DataDestination": {"path": f"s3://{folder}/themes/"}})
    _, missing, _ = inference_job(p, up, folder, "nothing-here.jsonl", final="CREATE FAILED")
    check("nothing-here.jsonl" in missing["failureReason"], f"failureReason {missing}")

    # Segments: each item's users are users whose histories hold the item.
    affinity = trained(p, group, "aws-item-affinity")
    write_lines(folder, "segments.jsonl", [json.dumps({"itemId": f"i{i}"}) for i in range(1, 6)]
                + [json.dumps({"itemAttributes": 'ITEMS.GENRES = "Comedy"'}), '{"userId": "u1"}'])
    segment = p.create_batch_segment_job(
        jobName=unique("segment"), solutionVersionArn=affinity, roleArn=ROLE, numResults=5,
        jobInput={"s3DataSource": {"path": f"s3://{folder}/segments.jsonl"}},
        jobOutput={"s3DataDestination": {"path": f"s3://{folder}/out"}})["batchSegmentJobArn"]
    described, _ = wait_for(lambda: p.describe_batch_segment_job(batchSegmentJobArn=segment)["batchSegmentJob"], "ACTIVE", timeout=120)
    check(described["numResults"] == 5, f"segment job {described}")
    holders = {}
    with open(os.path.join(OBJECT_ROOT, folder, "interactions.csv"), encoding="utf-8") as data:
        for row in list(data)[1:]:
            user, item = row.split(",")[:2]
            holders.setdefault(item, set()).add(user)
    lines = read_output(folder, "segments.jsonl")
    check(len(lines) == 7, f"{len(lines)} segment lines")
    for i, line in enumerate(lines[:5], start=1):
        check(line["error"] is None, f"segment line {line}")
        segment_users = line["output"]["recommendedUsers"]
        # Ranked by the model's affinity (users likely to interact next), not by who already holds the item.
        known = set().union(*holders.values())
        check(len(segment_users) == 5 == len(set(segment_users)) and set(segment_users) <= known,
              f"i{i}: {segment_users} are not 5 distinct users of the data")
    check(len(lines[5]["output"]["recommendedUsers"]) == 5, f"attribute line {lines[5]}")
    check(lines[6]["output"] is None and "userId" in lines[6]["error"], f"bad segment line {lines[6]}")
    check([j["batchSegmentJobArn"] for j in p.list_batch_segment_jobs(solutionVersionArn=affinity)["batchSegmentJobs"]] == [segment],
          "list segment jobs")
    expect_error("InvalidInputException", p.create_batch_segment_job, "aws-item-affinity", jobName=unique("segment"),
                 solutionVersionArn=up, roleArn=ROLE, jobInput={"s3DataSource": {"path": f"s3://{folder}/segments.jsonl"}},
                 jobOutput={"s3DataDestination": {"path": f"s3://{folder}/out2/"}})


run(scenario)
