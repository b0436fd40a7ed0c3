"""CreateCampaign / DescribeCampaign / ListCampaigns / UpdateCampaign / DeleteCampaign on trained solution
versions: version rules ($LATEST with syncWithLatestSolutionVersion), config checks, updates recorded in
latestCampaignUpdate, and delete order with solutions. argv[2] = object root."""
import os
import random
import sys
from concurrent.futures import ThreadPoolExecutor

from e2e import (ARN_PREFIX, INTERACTIONS_SCHEMA, active_dataset, active_group, check, check_chain, client,
                 expect_error, expect_raw_error, list_all, run, unique, wait_for, wait_gone, went_first)

OBJECT_ROOT = sys.argv[2]


def write_interactions(path, users=60, items=40, per_user=12, seed=5):
    rng = random.Random(seed)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n")
        for u in range(users):
            for k in range(per_user):
                out.write(f"u{u},i{int(rng.paretovariate(1.2)) % items},{1_700_000_000 + u * 100 + k},click,1\n")


def trained_version(p, solution):
    arn = p.create_solution_version(solutionArn=solution)["solutionVersionArn"]
    wait_for(lambda: p.describe_solution_version(solutionVersionArn=arn)["solutionVersion"], "ACTIVE", timeout=120)
    return arn


def scenario():
    p = client()
    group = active_group(p, "campaigns")
    dataset, _ = active_dataset(p, group, "Interactions", INTERACTIONS_SCHEMA, "campaigns-int")
    name = unique("campaigns-data")
    write_interactions(os.path.join(OBJECT_ROOT, name, "interactions.csv"))
    job = p.create_dataset_import_job(jobName=unique("campaigns-import"), datasetArn=dataset,
                                      dataSource={"dataLocation": f"s3://{name}/interactions.csv"})["datasetImportJobArn"]
    wait_for(lambda: p.describe_dataset_import_job(datasetImportJobArn=job)["datasetImportJob"], "ACTIVE")

    solution = p.create_solution(name=unique("campaigns-sol"), datasetGroupArn=group,
                                 recipeArn="arn:aws:personalize:::recipe/aws-popularity-count")["solutionArn"]
    wait_for(lambda: p.describe_solution(solutionArn=solution)["solution"], "ACTIVE")
    first, second = trained_version(p, solution), trained_version(p, solution)

    name = unique("campaign")
    expect_error("InvalidInputException", p.create_campaign, "syncWithLatestSolutionVersion", name=name,
                 solutionVersionArn=solution + "/$LATEST")
    expect_error("InvalidInputException", p.create_campaign, "$LATEST", name=name, solutionVersionArn=first,
                 campaignConfig={"syncWithLatestSolutionVersion": True})
    expect_error("ResourceNotFoundException", p.create_campaign, name=name, solutionVersionArn=solution + "/deadbeef")
    expect_error("InvalidInputException", p.create_campaign, "explorationWeight", name=name, solutionVersionArn=first,
                 campaignConfig={"itemExplorationConfig": {"explorationWeight": "1.5"}})
    expect_raw_error("CreateCampaign", {"name": name, "solutionVersionArn": first, "minProvisionedTPS": 0},
                     "InvalidInputException", "minProvisionedTPS")

    campaign = p.create_campaign(name=name, solutionVersionArn=first, minProvisionedTPS=2,
                                 tags=[{"tagKey": "team", "tagValue": "recs"}])["campaignArn"]
    check(campaign == f"{ARN_PREFIX}000000000000:campaign/{name}", f"campaign ARN {campaign}")
    described, seen = wait_for(lambda: p.describe_campaign(campaignArn=campaign)["campaign"], "ACTIVE")
    check_chain(seen, "ACTIVE")
    check(described["solutionVersionArn"] == first and described["minProvisionedTPS"] == 2, f"campaign {described}")
    check("latestCampaignUpdate" not in described, f"no update yet: {described}")
    expect_error("ResourceAlreadyExistsException", p.create_campaign, name=name, solutionVersionArn=first)

    latest = p.create_campaign(name=unique("campaign-latest"), solutionVersionArn=solution + "/$LATEST",
                               campaignConfig={"syncWithLatestSolutionVersion": True})["campaignArn"]
    wait_for(lambda: p.describe_campaign(campaignArn=latest)["campaign"], "ACTIVE")

    listed = list_all(p.list_campaigns, "campaigns", 1, solutionArn=solution)
    check(sorted(c["campaignArn"] for c in listed) == sorted([campaign, latest]), f"listed {listed}")

    p.update_campaign(campaignArn=campaign, solutionVersionArn=second, minProvisionedTPS=3,
                      campaignConfig={"itemExplorationConfig": {"explorationWeight": "0.1", "explorationItemAgeCutOff": "7"}})
    updated, _ = wait_for(lambda: _settled_update(p, campaign), "ACTIVE")
    check(updated["solutionVersionArn"] == second and updated["minProvisionedTPS"] == 3, f"after update {updated}")
    check(updated["latestCampaignUpdate"]["status"] == "ACTIVE"
          and updated["latestCampaignUpdate"]["solutionVersionArn"] == second, f"update summary {updated}")
    check(updated["campaignConfig"]["itemExplorationConfig"]["explorationWeight"] == "0.1", f"config {updated}")
    # Concurrent updates: each answered 200 wrote over the record it read (no pending update silently replaced),
    # the others were told ResourceInUseException; the campaign settles on one winner's value.
    tps = list(range(4, 10))
    with ThreadPoolExecutor(len(tps)) as pool:
        won = list(pool.map(lambda t: went_first(p.update_campaign, campaignArn=campaign, minProvisionedTPS=t), tps))
    check(any(won), "no concurrent update succeeded")
    raced, _ = wait_for(lambda: _settled_update(p, campaign), "ACTIVE")
    check(raced["minProvisionedTPS"] in [t for t, ok in zip(tps, won) if ok], f"concurrent updates: {won} answered, {raced}")

    other = p.create_solution(name=unique("campaigns-other"), datasetGroupArn=group,
                              recipeArn="arn:aws:personalize:::recipe/aws-popularity-count")["solutionArn"]
    wait_for(lambda: p.describe_solution(solutionArn=other)["solution"], "ACTIVE")
    foreign = trained_version(p, other)
    expect_error("InvalidInputException", p.update_campaign, "another solution", campaignArn=campaign, solutionVersionArn=foreign)

    expect_error("ResourceInUseException", p.delete_solution, "campaign", solutionArn=solution)
    # A delete racing an update (its deploy still running) is never undone by the update's end writing ACTIVE over it.
    with ThreadPoolExecutor(2) as pool:
        update = pool.submit(went_first, p.update_campaign, campaignArn=latest, minProvisionedTPS=2)
        pool.submit(p.delete_campaign, campaignArn=latest).result()
        update.result()
    wait_gone(lambda: p.describe_campaign(campaignArn=latest)["campaign"])
    p.delete_campaign(campaignArn=campaign)
    wait_gone(lambda: p.describe_campaign(campaignArn=campaign)["campaign"])
    expect_error("ResourceNotFoundException", p.describe_campaign, campaignArn=campaign)
    p.delete_solution(solutionArn=solution)
    wait_gone(lambda: p.describe_solution(solutionArn=solution)["solution"])
    expect_error("ResourceNotFoundException", p.describe_solution_version, solutionVersionArn=first)


def _settled_update(p, campaign):
    """The campaign, reported as still pending while its update is in flight."""
    campaign = p.describe_campaign(campaignArn=campaign)["campaign"]
    update = campaign.get("latestCampaignUpdate", {})
    return dict(campaign, status=update.get("status", campaign["status"]))


run(scenario)
