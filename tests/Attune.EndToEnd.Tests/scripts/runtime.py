"""GetRecommendations / GetPersonalizedRanking through boto3's personalize-runtime client on campaigns of four
recipe types: every request member, every modeled error (status, X-Amzn-ErrorType), filters with values,
promotions, metadata, unknown users and items, Attune's explanation member, and a campaign update under load
with no failed request. argv[2] = object root."""
import json
import os
import random
import sys
import threading
import urllib.error
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from e2e import (ENDPOINT, INTERACTIONS_SCHEMA, ITEMS_SCHEMA, USERS_SCHEMA, active_dataset, active_group, check, client,
                 run, unique, wait_for)

OBJECT_ROOT = sys.argv[2]
GENRES = ["Comedy", "Drama", "Action", "Horror"]
ITEMS, USERS, NOW = 40, 60, 1_700_000_000


def runtime():
    return boto3.client("personalize-runtime", endpoint_url=ENDPOINT, region_name="us-east-1",
                        config=Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=30))


def genre(item):
    return GENRES[item % len(GENRES)] + ("|Family" if item % 5 == 0 else "")


def write_data(folder):
    rng = random.Random(11)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "interactions.csv"), "w", encoding="utf-8") as out:
        out.write("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n")
        for u in range(USERS):
            for k in range(12):
                event = "purchase" if k % 6 == 0 else "click"
                out.write(f"u{u},i{int(rng.paretovariate(1.2)) % ITEMS},{NOW - 86400 * 90 + u * 100 + k},{event},1\n")
        out.write(f"u0,i39,{NOW},click,1\n")
    with open(os.path.join(folder, "items.csv"), "w", encoding="utf-8") as out:
        out.write("ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP\n")
        for i in range(ITEMS):
            created = NOW - 86400 if i == 39 else NOW - 86400 * 400
            out.write(f"i{i},Title {i},{genre(i)},{created}\n")
    with open(os.path.join(folder, "users.csv"), "w", encoding="utf-8") as out:
        out.write("USER_ID,GENDER,AGE,OCCUPATION,ZIP\n")
        for u in range(USERS):
            out.write(f"u{u},{'F' if u % 2 else 'M'},{15 + u},other,00000\n")


def imported(p, dataset, location):
    job = p.create_dataset_import_job(jobName=unique("runtime-import"), datasetArn=dataset,
                                      dataSource={"dataLocation": location})["datasetImportJobArn"]
    wait_for(lambda: p.describe_dataset_import_job(datasetImportJobArn=job)["datasetImportJob"], "ACTIVE")


def trained(p, group, recipe):
    solution = p.create_solution(name=unique("runtime-" + recipe), datasetGroupArn=group,
                                 recipeArn="arn:aws:personalize:::recipe/" + recipe)["solutionArn"]
    wait_for(lambda: p.describe_solution(solutionArn=solution)["solution"], "ACTIVE")
    version = p.create_solution_version(solutionArn=solution)["solutionVersionArn"]
    wait_for(lambda: p.describe_solution_version(solutionVersionArn=version)["solutionVersion"], "ACTIVE", timeout=180)
    return solution, version


def campaign(p, version, **config):
    arn = p.create_campaign(name=unique("runtime-campaign"), solutionVersionArn=version,
                            **({"campaignConfig": config} if config else {}))["campaignArn"]
    wait_for(lambda: p.describe_campaign(campaignArn=arn)["campaign"], "ACTIVE", timeout=120)
    return arn


def a_filter(p, group, expression):
    arn = p.create_filter(name=unique("runtime-filter"), datasetGroupArn=group, filterExpression=expression)["filterArn"]
    wait_for(lambda: p.describe_filter(filterArn=arn)["filter"], "ACTIVE")
    return arn


def expect_runtime_error(code, status, call, *words, **kwargs):
    try:
        result = call(**kwargs)
    except ClientError as error:
        got = error.response["Error"]["Code"]
        http = error.response["ResponseMetadata"]["HTTPStatusCode"]
        header = error.response["ResponseMetadata"]["HTTPHeaders"].get("x-amzn-errortype", "")
        message = error.response["Error"].get("Message", "")
        check(got == code and http == status, f"{call.__name__}({kwargs}): expected {status} {code}, got {http} {got}: {message}")
        check(header.startswith(code), f"X-Amzn-ErrorType header {header!r}")
        for word in words:
            check(word in message, f"message {message!r} does not name {word!r}")
        return
    raise AssertionError(f"{call.__name__}({kwargs}) succeeded: {result}")


def raw_recommendations(body):
    """POST /recommendations without the SDK (which drops unknown members and checks inputs itself): (status, header, JSON)."""
    request = urllib.request.Request(ENDPOINT + "/recommendations", data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, "", json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Amzn-ErrorType", ""), json.loads(error.read() or b"{}")


def scenario():
    p, r = client(), runtime()
    group = active_group(p, "runtime")
    folder = unique("runtime-data")
    write_data(os.path.join(OBJECT_ROOT, folder))
    for dataset_type, schema, name in (("Interactions", INTERACTIONS_SCHEMA, "interactions"), ("Items", ITEMS_SCHEMA, "items"),
                                       ("Users", USERS_SCHEMA, "users")):
        dataset, _ = active_dataset(p, group, dataset_type, schema, "runtime-" + name)
        imported(p, dataset, f"s3://{folder}/{name}.csv")

    _, up_version = trained(p, group, "aws-user-personalization")
    _, rank_version = trained(p, group, "aws-personalized-ranking")
    _, sims_version = trained(p, group, "aws-sims")
    pop_solution, pop_version = trained(p, group, "aws-popularity-count")
    up = campaign(p, up_version, enableMetadataWithRecommendations=True,
                  itemExplorationConfig={"explorationWeight": "0", "explorationItemAgeCutOff": "30"})
    rank, sims, pop = campaign(p, rank_version), campaign(p, sims_version), campaign(p, pop_version)
    by_genre = a_filter(p, group, "INCLUDE ItemID WHERE Items.GENRES IN ($GENRES)")
    not_purchased = a_filter(p, group, 'EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("purchase")')
    comedy = a_filter(p, group, 'INCLUDE ItemID WHERE Items.GENRES IN ("Comedy")')

    first = r.get_recommendations(campaignArn=up, userId="u1", numResults=5, context={"DEVICE": "phone"})
    check(len(first["itemList"]) == 5 and all(0 < i["score"] <= 1 for i in first["itemList"]), f"scored items {first}")
    check(0 < len(first["recommendationId"]) <= 40, f"recommendationId {first['recommendationId']}")
    check(len(r.get_recommendations(campaignArn=up, userId="u1")["itemList"]) == 25, "numResults defaults to 25")
    cold = r.get_recommendations(campaignArn=up, userId="never-seen", numResults=3)["itemList"]
    check(len(cold) == 3, f"an unknown user gets popular items: {cold}")

    drama = r.get_recommendations(campaignArn=up, userId="u1", numResults=10, filterArn=by_genre,
                                  filterValues={"GENRES": '"Drama"'})["itemList"]
    check(drama and all("Drama" in genre(int(i["itemId"][1:])) for i in drama), f"Drama filter {drama}")
    fresh = r.get_recommendations(campaignArn=up, userId="u0", numResults=40, filterArn=not_purchased)["itemList"]
    purchased = {line.split(",")[1] for line in open(os.path.join(OBJECT_ROOT, folder, "interactions.csv"), encoding="utf-8")
                 if line.startswith("u0,") and ",purchase," in line}
    check(purchased and not purchased & {i["itemId"] for i in fresh}, f"purchased {purchased} in {fresh}")

    promoted = r.get_recommendations(campaignArn=up, userId="u1", numResults=10, promotions=[
        {"name": "comedy", "percentPromotedItems": 30, "filterArn": comedy}])["itemList"]
    marked = [i for i in promoted if i.get("promotionName") == "comedy"]
    check(len(marked) == 3 and all("Comedy" in genre(int(i["itemId"][1:])) and i["reason"] == ["Promoted item"] for i in marked),
          f"promotions {promoted}")

    with_metadata = r.get_recommendations(campaignArn=up, userId="u1", numResults=4, metadataColumns={"ITEMS": ["GENRES", "TITLE"]})
    check(all(i["metadata"]["TITLE"] == "Title " + i["itemId"][1:] and i["metadata"]["GENRES"] == genre(int(i["itemId"][1:]))
              for i in with_metadata["itemList"]), f"metadata {with_metadata}")
    explained = raw_recommendations({"campaignArn": up, "userId": "u1", "numResults": 3})[2]["itemList"]
    check(all(i["explanation"]["basis"] in ("history", "popular") for i in explained), f"explanations {explained}")
    check(any(i["explanation"].get("items") for i in explained), f"history items named {explained}")

    ranking = r.get_personalized_ranking(campaignArn=rank, userId="u1", inputList=["i3", "unknown-item", "i1", "i2"])
    ranked = ranking["personalizedRanking"]
    check([i["itemId"] for i in ranked][-1] == "unknown-item" and "score" not in ranked[-1], f"ranking {ranked}")
    check(abs(sum(i["score"] for i in ranked[:-1]) - 1) < 1e-4, f"ranking softmax {ranked}")

    related = r.get_recommendations(campaignArn=sims, itemId="i1", numResults=5)["itemList"]
    check(len(related) == 5 and "i1" not in {i["itemId"] for i in related}, f"related {related}")
    check(len(r.get_recommendations(campaignArn=pop, numResults=3)["itemList"]) == 3, "popular items without userId")

    expect_runtime_error("ResourceNotFoundException", 404, r.get_recommendations, campaignArn=up + "-missing", userId="u1")
    expect_runtime_error("ResourceNotFoundException", 404, r.get_recommendations, campaignArn=up, userId="u1",
                         filterArn=by_genre + "-missing")
    expect_runtime_error("InvalidInputException", 400, r.get_recommendations, "GENRES", campaignArn=up, userId="u1", filterArn=by_genre)
    expect_runtime_error("InvalidInputException", 400, r.get_recommendations, "userId", campaignArn=up)
    expect_runtime_error("InvalidInputException", 400, r.get_recommendations, "itemId", campaignArn=sims)
    expect_runtime_error("InvalidInputException", 400, r.get_recommendations, "numResults", campaignArn=up, userId="u1", numResults=501)
    expect_runtime_error("InvalidInputException", 400, r.get_recommendations, "50", campaignArn=up, userId="u1", numResults=51,
                         metadataColumns={"ITEMS": ["GENRES"]})
    expect_runtime_error("InvalidInputException", 400, r.get_recommendations, "enableMetadataWithRecommendations", campaignArn=pop,
                         metadataColumns={"ITEMS": ["GENRES"]})
    expect_runtime_error("InvalidInputException", 400, r.get_recommendations, "GetPersonalizedRanking", campaignArn=rank, userId="u1")
    expect_runtime_error("InvalidInputException", 400, r.get_personalized_ranking, "PERSONALIZED_RANKING", campaignArn=up,
                         userId="u1", inputList=["i1"])
    status, header, payload = raw_recommendations({"campaignArn": up, "userId": "u1", "numResults": -1})
    check(status == 400 and header == "InvalidInputException" and "numResults" in payload["message"], f"numResults -1: {payload}")

    update_under_load(p, r, pop, pop_solution)


def update_under_load(p, r, pop, pop_solution):
    """Requests keep flowing while the campaign moves to a new version: none may fail."""
    second = p.create_solution_version(solutionArn=pop_solution)["solutionVersionArn"]
    wait_for(lambda: p.describe_solution_version(solutionVersionArn=second)["solutionVersion"], "ACTIVE", timeout=180)
    failures, served, stop = [], [0], threading.Event()

    def load():
        own = runtime()
        while not stop.is_set():
            try:
                check(len(own.get_recommendations(campaignArn=pop, numResults=5)["itemList"]) == 5, "short list")
                served[0] += 1
            except Exception as error:  # pylint: disable=broad-except
                failures.append(repr(error))

    threads = [threading.Thread(target=load) for _ in range(4)]
    for thread in threads:
        thread.start()
    try:
        p.update_campaign(campaignArn=pop, solutionVersionArn=second)
        wait_for(lambda: _update_status(p, pop), "ACTIVE", timeout=120)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    check(not failures and served[0] > 0, f"{len(failures)} failed of {served[0]}: {failures[:3]}")
    check(p.describe_campaign(campaignArn=pop)["campaign"]["solutionVersionArn"] == second, "update applied")


def _update_status(p, arn):
    described = p.describe_campaign(campaignArn=arn)["campaign"]
    return dict(described, status=described.get("latestCampaignUpdate", {}).get("status", described["status"]))


run(scenario)
