"""One GetRecommendations on a user-personalization campaign trained on generated data, for the tracing test;
prints "campaign <ARN>". argv[2] = object root."""
import os
import sys

import boto3
from botocore.config import Config

from e2e import ENDPOINT, check, client, run, unique
from training_setup import deployed_campaign, generated_rows, group_with_interactions, write_rows


def scenario():
    p = client()
    path = os.path.join(sys.argv[2], unique("traced"), "interactions.csv")
    write_rows(path, generated_rows(users=60, items_per_user=8))
    group = group_with_interactions(p, path, "traced")[0]
    campaign = deployed_campaign(p, group, "traced")
    runtime = boto3.client("personalize-runtime", endpoint_url=ENDPOINT, region_name="us-east-1",
                           config=Config(retries={"max_attempts": 1}))
    items = runtime.get_recommendations(campaignArn=campaign, userId="u1", numResults=5)["itemList"]
    check(len(items) == 5, f"expected 5 items, got {items}")
    print("campaign", campaign)


run(scenario)
