"""Domain recommenders through boto3: an ECOMMERCE dataset group with domain schemas and generated View/Purchase
data, recommenders for three use cases (best sellers, frequently bought together, recommended for you) with their
status chain, modelMetrics, tags and listing; GetRecommendations with recommenderArn (a filter, a promotion,
metadataColumns, a live PutEvents); stop/start, update and delete, and the errors of each step.
argv[2] = object root."""
import os
import random
import sys
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config

from e2e import (ARN_PREFIX, ENDPOINT, active_group, avro, check, check_chain, client, events_client, expect_error,
                 list_all, run, unique, wait_for, wait_gone, went_first)

OBJECT_ROOT = sys.argv[2]
NOW = 1_700_000_000
CATEGORIES = ["shoes", "hats", "bags"]
RECIPE = "arn:aws:personalize:::recipe/"
INTERACTIONS = avro("Interactions", [{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"},
                                     {"name": "TIMESTAMP", "type": "long"}, {"name": "EVENT_TYPE", "type": "string"}])
ITEMS = avro("Items", [{"name": "ITEM_ID", "type": "string"}, {"name": "PRICE", "type": "float"},
                       {"name": "CATEGORY_L1", "type": "string", "categorical": True}])


def runtime():
    return boto3.client("personalize-runtime", endpoint_url=ENDPOINT, region_name="us-east-1",
                        config=Config(retries={"max_attempts": 1}, read_timeout=30))


def write_shop(folder):
    """80 shoppers over 30 items: whoever buys A buys B a minute later; views spread over the catalogue."""
    rng = random.Random(3)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "interactions.csv"), "w", encoding="utf-8") as out:
        out.write("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\n")
        for u in range(80):
            t = NOW - 86400 * 20 + u * 3600
            for k in range(8):
                out.write(f"u{u},i{int(rng.paretovariate(1.1)) % 30},{t + k * 60},View\n")
            if u % 2 == 0:
                out.write(f"u{u},A,{t + 600},Purchase\nu{u},B,{t + 660},Purchase\n")
            out.write(f"u{u},i{rng.randrange(30)},{t + 86400},Purchase\n")
    with open(os.path.join(folder, "items.csv"), "w", encoding="utf-8") as out:
        out.write("ITEM_ID,PRICE,CATEGORY_L1\n")
        for item in ["A", "B"] + [f"i{i}" for i in range(30)]:
            category = "shoes" if item in ("A", "B") else CATEGORIES[int(item[1:]) % 3]
            out.write(f"{item},{10 + len(item)}.5,{category}\n")


def dataset(p, group, kind, schema_json):
    schema = p.create_schema(name=unique("rec-" + kind.lower()), schema=schema_json, domain="ECOMMERCE")["schemaArn"]
    arn = p.create_dataset(name=unique("rec-" + kind.lower()), datasetGroupArn=group, datasetType=kind, schemaArn=schema)["datasetArn"]
    wait_for(lambda: p.describe_dataset(datasetArn=arn)["dataset"], "ACTIVE")
    return arn


def imported(p, arn, location):
    job = p.create_dataset_import_job(jobName=unique("rec-import"), datasetArn=arn,
                                      dataSource={"dataLocation": location})["datasetImportJobArn"]
    wait_for(lambda: p.describe_dataset_import_job(datasetImportJobArn=job)["datasetImportJob"], "ACTIVE")


def describe(p, arn):
    return p.describe_recommender(recommenderArn=arn)["recommender"]


def items_of(answer):
    return [i["itemId"] for i in answer["itemList"]]


def scenario():
    p, r = client(), runtime()
    group = p.create_dataset_group(name=unique("shop"), domain="ECOMMERCE")["datasetGroupArn"]
    wait_for(lambda: p.describe_dataset_group(datasetGroupArn=group)["datasetGroup"], "ACTIVE")
    folder = unique("shop-data")
    write_shop(os.path.join(OBJECT_ROOT, folder))
    imported(p, dataset(p, group, "Interactions", INTERACTIONS), f"s3://{folder}/interactions.csv")
    imported(p, dataset(p, group, "Items", ITEMS), f"s3://{folder}/items.csv")

    custom = active_group(p, "custom")
    expect_error("InvalidInputException", p.create_recommender, "domain", name=unique("rec"), datasetGroupArn=custom,
                 recipeArn=RECIPE + "aws-ecomm-recommended-for-you")
    expect_error("InvalidInputException", p.create_recommender, "VIDEO_ON_DEMAND", name=unique("rec"), datasetGroupArn=group,
                 recipeArn=RECIPE + "aws-vod-top-picks")
    expect_error("InvalidInputException", p.create_recommender, "aws-sims", name=unique("rec"), datasetGroupArn=group,
                 recipeArn=RECIPE + "aws-sims")
    expect_error("InvalidInputException", p.create_solution, "CreateRecommender", name=unique("sol"), datasetGroupArn=group,
                 recipeArn=RECIPE + "aws-ecomm-recommended-for-you")
    expect_error("InvalidInputException", p.create_recommender, "explorationWeight", name=unique("rec"), datasetGroupArn=group,
                 recipeArn=RECIPE + "aws-ecomm-recommended-for-you",
                 recommenderConfig={"itemExplorationConfig": {"explorationWeight": "2"}})
    for columns, words in (({"Items": ["COLOR"]}, "COLOR"), ({"Items": ["ITEM_ID"]}, "cannot be excluded"), ({"Users": ["AGE"]}, "no Users")):
        expect_error("InvalidInputException", p.create_recommender, words, name=unique("rec"), datasetGroupArn=group,
                     recipeArn=RECIPE + "aws-ecomm-recommended-for-you",
                     recommenderConfig={"trainingDataConfig": {"excludedDatasetColumns": columns}})

    # A VIDEO_ON_DEMAND group without data: the recommender fails with the reason and serves nothing.
    vod = p.create_dataset_group(name=unique("vod"), domain="VIDEO_ON_DEMAND")["datasetGroupArn"]
    wait_for(lambda: p.describe_dataset_group(datasetGroupArn=vod)["datasetGroup"], "ACTIVE")
    empty = p.create_recommender(name=unique("vod-empty"), datasetGroupArn=vod, recipeArn=RECIPE + "aws-vod-top-picks")["recommenderArn"]
    failed, _ = wait_for(lambda: describe(p, empty), "CREATE FAILED")
    check("Interactions" in failed["failureReason"] and "modelMetrics" not in failed, f"failed recommender: {failed}")
    expect_error("InvalidInputException", r.get_recommendations, "CREATE FAILED", recommenderArn=empty, userId="u1")
    p.delete_recommender(recommenderArn=empty)
    wait_gone(lambda: describe(p, empty))

    names = {use: unique(use) for use in ("best", "fbt", "rfy")}
    best = p.create_recommender(name=names["best"], datasetGroupArn=group, recipeArn=RECIPE + "aws-ecomm-popular-items-by-purchases")["recommenderArn"]
    fbt = p.create_recommender(name=names["fbt"], datasetGroupArn=group, recipeArn=RECIPE + "aws-ecomm-frequently-bought-together")["recommenderArn"]
    rfy = p.create_recommender(name=names["rfy"], datasetGroupArn=group, recipeArn=RECIPE + "aws-ecomm-recommended-for-you",
                               recommenderConfig={"enableMetadataWithRecommendations": True, "minRecommendationRequestsPerSecond": 3,
                                                  "trainingDataConfig": {"excludedDatasetColumns": {"Items": ["PRICE"]}},
                                                  "itemExplorationConfig": {"explorationWeight": "0"}},
                               tags=[{"tagKey": "team", "tagValue": "shop"}])["recommenderArn"]
    check(rfy == f"{ARN_PREFIX}000000000000:recommender/{names['rfy']}", f"recommender ARN {rfy}")
    expect_error("ResourceAlreadyExistsException", p.create_recommender, name=names["best"], datasetGroupArn=group,
                 recipeArn=RECIPE + "aws-ecomm-popular-items-by-purchases")
    for arn in (best, fbt, rfy):
        recommender, seen = wait_for(lambda: describe(p, arn), "ACTIVE", timeout=120)
        check_chain(seen, "ACTIVE")
        check(recommender["datasetGroupArn"] == group and "failureReason" not in recommender, f"{recommender}")
        check("precision_at_25" in recommender["modelMetrics"], f"modelMetrics: {recommender.get('modelMetrics')}")
    described = describe(p, rfy)
    check(described["recommenderConfig"]["minRecommendationRequestsPerSecond"] == 3, f"config: {described}")
    check(describe(p, best)["recommenderConfig"]["minRecommendationRequestsPerSecond"] == 1, "default minRecommendationRequestsPerSecond")
    check(p.list_tags_for_resource(resourceArn=rfy)["tags"] == [{"tagKey": "team", "tagValue": "shop"}], "tags")
    listed = list_all(p.list_recommenders, "recommenders", 2, datasetGroupArn=group)
    check({x["recommenderArn"] for x in listed} == {best, fbt, rfy}, f"listed: {listed}")
    check(all(x["recipeArn"].startswith(RECIPE + "aws-ecomm-") and x["status"] == "ACTIVE" for x in listed), f"{listed}")
    check(list_all(p.list_recommenders, "recommenders", 2, datasetGroupArn=custom) == [], "custom group lists none")
    versions = list_all(p.list_solution_versions, "solutionVersions", 100)
    check(not any(":recommender/" in v["solutionVersionArn"] for v in versions), f"recommender models are not listed: {versions}")

    # Runtime: each use case answers what its model says.
    together = r.get_recommendations(recommenderArn=fbt, itemId="A", numResults=3)
    check(items_of(together)[0] == "B" and together["recommendationId"], f"bought with A: {together}")
    check(set(items_of(r.get_recommendations(recommenderArn=best, numResults=2))) == {"A", "B"}, "best sellers are A and B")
    expect_error("InvalidInputException", r.get_recommendations, "itemId", "recommender", recommenderArn=fbt, userId="u1")
    expect_error("InvalidInputException", r.get_recommendations, "recommenderConfig.enableMetadataWithRecommendations",
                 recommenderArn=best, metadataColumns={"ITEMS": ["PRICE"]})
    expect_error("InvalidInputException", r.get_recommendations, "not both", recommenderArn=rfy, campaignArn=rfy, userId="u1")
    hats = p.create_filter(name=unique("hats"), datasetGroupArn=group,
                           filterExpression='INCLUDE ItemID WHERE Items.CATEGORY_L1 IN ("hats")')["filterArn"]
    shoes = p.create_filter(name=unique("shoes"), datasetGroupArn=group,
                            filterExpression='INCLUDE ItemID WHERE Items.CATEGORY_L1 IN ($CAT)')["filterArn"]
    for arn in (hats, shoes):
        wait_for(lambda: p.describe_filter(filterArn=arn)["filter"], "ACTIVE")
    answer = r.get_recommendations(recommenderArn=rfy, userId="u3", numResults=6, filterArn=hats,
                                   promotions=[{"name": "shoes", "percentPromotedItems": 50, "filterArn": shoes,
                                                "filterValues": {"CAT": '"shoes"'}}],
                                   metadataColumns={"ITEMS": ["CATEGORY_L1"]})
    listed_items = answer["itemList"]
    check(len(listed_items) == 6, f"six items: {answer}")
    promoted = [i for i in listed_items if i.get("promotionName") == "shoes"]
    check(len(promoted) == 3 and all(i["metadata"]["CATEGORY_L1"] == "shoes" for i in promoted), f"promoted: {listed_items}")
    check(all(i["metadata"]["CATEGORY_L1"] == "hats" for i in listed_items if i not in promoted), f"filtered: {listed_items}")

    # A new shopper's first views personalize the next answer.
    tracker = p.create_event_tracker(name=unique("rec-tracker"), datasetGroupArn=group)["eventTrackerArn"]
    tracking_id = wait_for(lambda: p.describe_event_tracker(eventTrackerArn=tracker)["eventTracker"], "ACTIVE")[0]["trackingId"]
    cold = items_of(r.get_recommendations(recommenderArn=rfy, userId="newcomer", numResults=5))
    events_client().put_events(trackingId=tracking_id, userId="newcomer", sessionId="s-newcomer",
                               eventList=[{"eventType": "Purchase", "itemId": "A", "sentAt": NOW}])
    warm = items_of(r.get_recommendations(recommenderArn=rfy, userId="newcomer", numResults=5))
    check(warm != cold and "B" in warm, f"after buying A: {cold} -> {warm}")
    check("A" not in warm, f"recommended-for-you leaves out what the shopper bought: {warm}")
    for_u2 = items_of(r.get_recommendations(recommenderArn=rfy, userId="u2", numResults=25))
    check(not {"A", "B"} & set(for_u2), f"u2 bought A and B in the imported data: {for_u2}")

    # Stop and start: a stopped recommender refuses requests; a start serves the same model again.
    expect_error("ResourceInUseException", p.start_recommender, "ACTIVE", recommenderArn=best)
    p.stop_recommender(recommenderArn=best)
    _, seen = wait_for(lambda: describe(p, best), "INACTIVE")
    check(seen[-1] == "INACTIVE" and all(s in ("STOP PENDING", "STOP IN_PROGRESS", "INACTIVE") for s in seen), f"stop chain {seen}")
    expect_error("InvalidInputException", r.get_recommendations, "StartRecommender", recommenderArn=best)
    expect_error("ResourceInUseException", p.stop_recommender, "INACTIVE", recommenderArn=best)
    expect_error("ResourceInUseException", p.update_recommender, "INACTIVE", recommenderArn=best,
                 recommenderConfig={"minRecommendationRequestsPerSecond": 2})
    p.start_recommender(recommenderArn=best)
    wait_for(lambda: describe(p, best), "ACTIVE")
    check(set(items_of(r.get_recommendations(recommenderArn=best, numResults=2))) == {"A", "B"}, "serves again after start")

    # Update: recorded in latestRecommenderUpdate, applied once ACTIVE.
    p.update_recommender(recommenderArn=best, recommenderConfig={"minRecommendationRequestsPerSecond": 5})
    wait_for(lambda: describe(p, best)["latestRecommenderUpdate"], "ACTIVE")
    updated = describe(p, best)
    check(updated["recommenderConfig"]["minRecommendationRequestsPerSecond"] == 5, f"updated: {updated}")

    # A stop racing an update: whichever answered 200 took effect, the other got ResourceInUseException.
    with ThreadPoolExecutor(2) as pool:
        stop = pool.submit(went_first, p.stop_recommender, recommenderArn=best)
        update = pool.submit(went_first, p.update_recommender, recommenderArn=best,
                             recommenderConfig={"minRecommendationRequestsPerSecond": 7})
        stopped, reconfigured = stop.result(), update.result()
    check(stopped != reconfigured, f"stop {stopped}, update {reconfigured}: exactly one goes first")
    if stopped:
        wait_for(lambda: describe(p, best), "INACTIVE")
    else:
        wait_for(lambda: describe(p, best)["latestRecommenderUpdate"], "ACTIVE")
        check(describe(p, best)["recommenderConfig"]["minRecommendationRequestsPerSecond"] == 7, "the racing update")

    # Delete: the group is in use until its recommenders are gone.
    expect_error("ResourceInUseException", p.delete_dataset_group, "recommender", datasetGroupArn=group)
    # A delete racing a stop: a delete answered 200 is never undone by the stop's end (wait_gone below).
    with ThreadPoolExecutor(2) as pool:
        pool.submit(went_first, p.stop_recommender, recommenderArn=fbt)
        deleting = pool.submit(went_first, p.delete_recommender, recommenderArn=fbt)
    if not deleting.result():
        wait_for(lambda: describe(p, fbt), "INACTIVE")
        p.delete_recommender(recommenderArn=fbt)
    for arn in (best, rfy):
        p.delete_recommender(recommenderArn=arn)
    for arn in (best, fbt, rfy):
        wait_gone(lambda: describe(p, arn))
    expect_error("ResourceNotFoundException", r.get_recommendations, recommenderArn=best)
    expect_error("ResourceNotFoundException", p.describe_recommender, recommenderArn=best)


if __name__ == "__main__":
    run(scenario)
