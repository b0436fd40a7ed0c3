"""Actions and next-best-action through boto3: Actions + Action_Interactions datasets imported from generated CSVs,
PutActions, an aws-next-best-action solution version and campaign, GetActionRecommendations before and after
PutActionInteractions (repeat frequency applies at once), expired actions never served, ActionID filters on Actions
and Action_Interactions, and the errors. Users u0, u2, ... take the savings actions a0..a2 and decline the travel ones
b0..b2; odd users the reverse; everyone took "promo", which has expired. argv[2] = object root."""
import csv
import glob
import json
import os
import sys
import time

import boto3
from botocore.config import Config

from e2e import (ENDPOINT, active_dataset, active_group, avro, check, client, events_client, expect_error, expect_rest, run,
                 unique, wait_for)
from training_setup import active_solution, deployed_campaign, generated_rows, group_with_interactions, train, write_rows

OBJECT_ROOT = sys.argv[2]
USERS = 160
NOW = int(time.time())
DAY = 86400
NBA = "arn:aws:personalize:::recipe/aws-next-best-action"
ACTIONS_SCHEMA = avro("Actions", [
    {"name": "ACTION_ID", "type": "string"}, {"name": "CATEGORY", "type": "string", "categorical": True},
    {"name": "VALUE", "type": ["null", "long"]}, {"name": "REPEAT_FREQUENCY", "type": ["null", "long"]},
    {"name": "EXPIRATION_TIMESTAMP", "type": ["null", "long"]}])
ACTION_INTERACTIONS_SCHEMA = avro("ActionInteractions", [
    {"name": "USER_ID", "type": "string"}, {"name": "ACTION_ID", "type": "string"},
    {"name": "TIMESTAMP", "type": "long"}, {"name": "EVENT_TYPE", "type": "string"}])


def write_data(folder):
    with open(os.path.join(folder, "actions.csv"), "w", encoding="utf-8") as out:
        out.write("ACTION_ID,CATEGORY,VALUE,REPEAT_FREQUENCY,EXPIRATION_TIMESTAMP\n")
        for k in range(3):
            out.write(f"a{k},savings,{10 + k},7,\n")
            out.write(f"b{k},travel,{20 + k},,\n")
        out.write(f"promo,savings,100,,{NOW - DAY}\n")
    with open(os.path.join(folder, "action_interactions.csv"), "w", encoding="utf-8") as out:
        out.write("USER_ID,ACTION_ID,TIMESTAMP,EVENT_TYPE\n")
        for u in range(USERS):
            own, other = ("a", "b") if u % 2 == 0 else ("b", "a")
            start = NOW - 60 * DAY + u * 100
            for k in range(3):
                out.write(f"u{u},{own}{k},{start + k},{'NOT_TAKEN' if (u + k) % 5 == 0 else 'TAKEN'}\n")
                out.write(f"u{u},{other}{k},{start + k},{'TAKEN' if (u + k) % 11 == 0 else 'VIEWED'}\n")
            out.write(f"u{u},promo,{start + 5},TAKEN\n")


def imported(p, dataset, folder, name):
    job = p.create_dataset_import_job(jobName=unique("actions-import"), datasetArn=dataset,
                                      dataSource={"dataLocation": f"s3://{folder}/{name}"})["datasetImportJobArn"]
    wait_for(lambda: p.describe_dataset_import_job(datasetImportJobArn=job)["datasetImportJob"], "ACTIVE")


def exported(p, dataset, bucket, name, mode):
    """The rows (header first) of a dataset export to s3://bucket/name/."""
    job = p.create_dataset_export_job(jobName=unique("actions-export"), datasetArn=dataset, ingestionMode=mode,
                                      roleArn="arn:aws:iam::000000000000:role/export",
                                      jobOutput={"s3DataDestination": {"path": f"s3://{bucket}/{name}/"}})["datasetExportJobArn"]
    wait_for(lambda: p.describe_dataset_export_job(datasetExportJobArn=job)["datasetExportJob"], "ACTIVE")
    rows = []
    for part in sorted(glob.glob(os.path.join(OBJECT_ROOT, bucket, name, "*.csv"))):
        with open(part, encoding="utf-8", newline="") as source:
            rows.extend(list(csv.reader(source)))
    return rows


def scenario():
    p, events = client(), events_client()
    runtime = boto3.client("personalize-runtime", endpoint_url=ENDPOINT, region_name="us-east-1",
                           config=Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=30))
    recipe = p.describe_recipe(recipeArn=NBA)["recipe"]
    check(recipe["recipeType"] == "PERSONALIZED_ACTIONS", f"recipe: {recipe}")

    group = active_group(p, "actions")
    folder = unique("actions-data")
    os.makedirs(os.path.join(OBJECT_ROOT, folder))
    write_data(os.path.join(OBJECT_ROOT, folder))
    actions, _ = active_dataset(p, group, "Actions", ACTIONS_SCHEMA, "actions")
    interactions, _ = active_dataset(p, group, "Action_Interactions", ACTION_INTERACTIONS_SCHEMA, "action-interactions")
    tracking_id = p.describe_dataset(datasetArn=interactions)["dataset"]["trackingId"]
    check(tracking_id, "the Action_Interactions dataset has no trackingId")
    imported(p, actions, folder, "actions.csv")
    imported(p, interactions, folder, "action_interactions.csv")

    # PutActions: a new travel action, stored durably; actions go to the Actions dataset only.
    events.put_actions(datasetArn=actions, actions=[
        {"actionId": "b3", "properties": json.dumps({"category": "travel", "value": 5})}])
    expect_rest("InvalidInputException", 400, events.put_actions, "Actions",
                datasetArn=interactions, actions=[{"actionId": "x", "properties": json.dumps({"category": "travel"})}])

    expect_error("InvalidInputException", p.create_solution, "performHPO",
                 name=unique("nba-hpo"), datasetGroupArn=group, recipeArn=NBA, performHPO=True)
    expect_error("InvalidInputException", p.create_solution, "AutoML", name=unique("nba-automl"), datasetGroupArn=group,
                 performAutoML=True, solutionConfig={"autoMLConfig": {"recipeList": [NBA]}})
    solution = active_solution(p, group, "nba", recipeArn=NBA, performAutoTraining=False)
    version = train(p, solution, timeout=180)[0]["solutionVersionArn"]
    metrics = p.get_solution_metrics(solutionVersionArn=version)["metrics"]
    check("normalized_discounted_cumulative_gain_at_5" in metrics, f"metrics: {metrics}")
    check(metrics["normalized_discounted_cumulative_gain_at_5"] > 0.3, f"weak offline metrics: {metrics}")
    expect_error("InvalidInputException", p.create_batch_inference_job, "batch inference",
                 jobName=unique("nba-batch"), solutionVersionArn=version, roleArn="arn:aws:iam::000000000000:role/x",
                 jobInput={"s3DataSource": {"path": f"s3://{folder}/in.json"}},
                 jobOutput={"s3DataDestination": {"path": f"s3://{folder}/out/"}})
    campaign = p.create_campaign(name=unique("nba"), solutionVersionArn=version)["campaignArn"]
    wait_for(lambda: p.describe_campaign(campaignArn=campaign)["campaign"], "ACTIVE", timeout=120)

    def served(user, **kwargs):
        answer = runtime.get_action_recommendations(campaignArn=campaign, userId=user, **kwargs)
        check(answer["recommendationId"].startswith("RID-"), f"recommendationId: {answer}")
        return [(a["actionId"], a["score"]) for a in answer["actionList"]]

    # A savings taker is offered the savings action it has not taken yet; an expired action never appears.
    first = served("u0", numResults=10)
    check(all(0 <= score <= 1 for _, score in first), f"scores outside [0, 1]: {first}")
    check("promo" not in dict(first), f"expired action served: {first}")
    check(len(served("newbie")) == 5, "default numResults is 5")

    # Live: TAKEN a0 and a1 block them for their 7-day repeat frequency at once, and a2 comes first.
    before = served("newbie", numResults=10)
    events.put_action_interactions(trackingId=tracking_id, actionInteractions=[
        {"actionId": "a0", "userId": "newbie", "sessionId": "s1", "timestamp": NOW - 60, "eventType": "TAKEN"},
        {"actionId": "a1", "userId": "newbie", "sessionId": "s1", "timestamp": NOW - 30, "eventType": "TAKEN",
         "recommendationId": "RID-1", "impression": ["a0", "a1", "b0"]}])
    after = served("newbie", numResults=10)
    check(after != before, f"PutActionInteractions did not change the answer: {after}")
    check(not {"a0", "a1"} & set(dict(after)), f"actions inside their repeat frequency served: {after}")
    check(after[0][0] == "a2", f"a savings taker should be offered a2 first: {after}")

    # Filters on Actions (parameter) and on Action_Interactions (the user's own events).
    travel = p.create_filter(name=unique("nba-travel"), datasetGroupArn=group,
                             filterExpression="INCLUDE ActionID WHERE Actions.CATEGORY IN ($CAT)")["filterArn"]
    untaken = p.create_filter(name=unique("nba-untaken"), datasetGroupArn=group,
                              filterExpression='EXCLUDE ActionID WHERE Action_Interactions.EVENT_TYPE IN ("TAKEN")')["filterArn"]
    for arn in (travel, untaken):
        wait_for(lambda: p.describe_filter(filterArn=arn)["filter"], "ACTIVE")
    only_travel = served("newbie", numResults=10, filterArn=travel, filterValues={"CAT": '"travel"'})
    check(only_travel and {a for a, _ in only_travel} <= {"b0", "b1", "b2", "b3"}, f"INCLUDE travel: {only_travel}")
    events.put_action_interactions(trackingId=tracking_id, actionInteractions=[
        {"actionId": "b1", "userId": "traveller", "sessionId": "s2", "timestamp": NOW - 10, "eventType": "Taken"}])
    check("b1" in dict(served("traveller", numResults=10)), "b1 has no repeat frequency, so it may come again")
    check("b1" not in dict(served("traveller", numResults=10, filterArn=untaken)), "EXCLUDE TAKEN kept b1")

    # Exports: ALL = bulk import + put rows; PUT = PutActions / PutActionInteractions rows only.
    action_rows = exported(p, actions, folder, "export-actions", "ALL")
    check(action_rows[0][0] == "ACTION_ID" and sorted(r[0] for r in action_rows[1:]) == sorted(
        [f"{g}{k}" for g in "ab" for k in range(3)] + ["promo", "b3"]), f"Actions export: {action_rows}")
    put_rows = exported(p, interactions, folder, "export-action-interactions", "PUT")
    check(put_rows[0][:4] == ["USER_ID", "ACTION_ID", "TIMESTAMP", "EVENT_TYPE"], f"header: {put_rows[0]}")
    check(sorted((r[0], r[1], r[3]) for r in put_rows[1:]) == [
        ("newbie", "a0", "TAKEN"), ("newbie", "a1", "TAKEN"), ("traveller", "b1", "TAKEN")], f"PUT export: {put_rows}")

    # Errors.
    items_csv = os.path.join(OBJECT_ROOT, folder, "items", "interactions.csv")
    write_rows(items_csv, generated_rows(users=60, items_per_user=10))
    items_group = group_with_interactions(p, items_csv, "actions-items")[0]
    failed = train(p, active_solution(p, items_group, "nba-no-actions", recipeArn=NBA, performAutoTraining=False),
                   final="CREATE FAILED")[0]
    check("Action_Interactions" in failed.get("failureReason", ""), f"failureReason: {failed}")
    items_campaign = deployed_campaign(p, items_group, "actions-items")
    expect_rest("InvalidInputException", 400, runtime.get_action_recommendations, "aws-next-best-action",
                campaignArn=items_campaign, userId="u0")
    expect_rest("InvalidInputException", 400, runtime.get_recommendations, "GetActionRecommendations",
                campaignArn=campaign, userId="u0")
    expect_rest("ResourceNotFoundException", 404, runtime.get_action_recommendations, "nope",
                campaignArn=campaign.rsplit("/", 1)[0] + "/nope", userId="u0")
    expect_rest("InvalidInputException", 400, events.put_action_interactions, "eventType",
                trackingId=tracking_id, actionInteractions=[
                    {"actionId": "a0", "userId": "u0", "sessionId": "s", "timestamp": NOW, "eventType": "CLICKED"}])
    expect_rest("ResourceNotFoundException", 404, events.put_action_interactions, "trackingId",
                trackingId="00000000-0000-0000-0000-000000000000", actionInteractions=[
                    {"actionId": "a0", "userId": "u0", "sessionId": "s", "timestamp": NOW, "eventType": "TAKEN"}])


if __name__ == "__main__":
    run(scenario)
