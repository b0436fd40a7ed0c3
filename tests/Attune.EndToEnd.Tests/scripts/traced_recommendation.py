"""One GetRecommendations on a user-personalization campaign trained on generated data, for the tracing test;
prints "campaign <ARN>". argv[2] = object root."""
import os
import sys

import boto3
from botocore.config import Config

from e2e import ENDPOINT, check, client, run, unique, wait_for
from training_setup import generated_rows, group_with_interactions, write_rows


def scenario():
    p = client()
    path = os.path.join(sys.argv[2], unique("traced"), "interactions.csv")
    write_rows(path, generated_rows(users=60, items_per_user=8))
    group = group_with_interactions(p, path, "traced")[0]
    solution = p.create_solution(name=unique("traced"), datasetGroupArn=group,
                                 recipeArn="arn:aws:personalize:::recipe/aws-user-personalization")["solutionArn"]
    wait_for(lambda: p.describe_solution(solutionArn=solution)["solution"], "ACTIVE")
    version = p.create_solution_version(solutionArn=solution)["solutionVersionArn"]
    wait_for(lambda: p.describe_solution_version(solutionVersionArn=version)["solutionVersion"], "ACTIVE", timeout=180)
    campaign = p.create_campaign(name=unique("traced"), solutionVersionArn=version)["campaignArn"]
    wait_for(lambda: p.describe_campaign(campaignArn=campaign)["campaign"], "ACTIVE", timeout=120)
    runtime = boto3.client("personalize-runtime", endpoint_url=ENDPOINT, region_name="us-east-1",
                           config=Config(retries={"max_attempts": 1}))
    items = runtime.get_recommendations(campaignArn=campaign, userId="u1", numResults=5)["itemList"]
    check(len(items) == 5, f"expected 5 items, got {items}")
    print("campaign", campaign)


run(scenario)
