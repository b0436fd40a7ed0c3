"""Quotas against a server started with FiltersPerDatasetGroup 2 and a data-plane rate of one request, then (almost)
none: the third filter is LimitExceededException naming the quota, and the second GetRecommendations is
ThrottlingException with HTTP 400, which botocore retries (RetryAttempts) before giving up."""
import json
import urllib.error
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from e2e import ENDPOINT, INTERACTIONS_SCHEMA, active_dataset, active_group, check, client, expect_error, run, unique

EXPRESSION = 'EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")'


def filters_up_to_the_quota(p):
    group = active_group(p, "quotas")
    active_dataset(p, group, "Interactions", INTERACTIONS_SCHEMA, "quotas-interactions")
    for _ in range(2):
        p.create_filter(name=unique("quota-filter"), datasetGroupArn=group, filterExpression=EXPRESSION)
    message = expect_error("LimitExceededException", p.create_filter, "FiltersPerDatasetGroup is 2", group,
                           name=unique("quota-filter"), datasetGroupArn=group, filterExpression=EXPRESSION)
    print(f"third filter: {message}")
    other = active_group(p, "quotas-other")  # the quota is per dataset group
    active_dataset(p, other, "Interactions", INTERACTIONS_SCHEMA, "quotas-other-interactions")
    p.create_filter(name=unique("quota-filter"), datasetGroupArn=other, filterExpression=EXPRESSION)


def throttled_recommendations():
    runtime = boto3.client("personalize-runtime", endpoint_url=ENDPOINT, region_name="us-east-1",
                           config=Config(retries={"max_attempts": 3, "mode": "standard"}))  # 3 retries after the first try
    campaign = "arn:aws:personalize:us-east-1:000000000000:campaign/none"
    try:
        runtime.get_recommendations(campaignArn=campaign, userId="1")
    except ClientError as error:  # admitted: the one token of the bucket
        check(error.response["Error"]["Code"] == "ResourceNotFoundException", f"first call: {error.response}")
    try:
        runtime.get_recommendations(campaignArn=campaign, userId="1")
        check(False, "the second GetRecommendations was not throttled")
    except ClientError as error:
        meta = error.response["ResponseMetadata"]
        check(error.response["Error"]["Code"] == "ThrottlingException", f"second call: {error.response}")
        check(meta["HTTPStatusCode"] == 400, f"throttled with HTTP {meta['HTTPStatusCode']}")
        check(meta["RetryAttempts"] == 3, f"botocore retried {meta['RetryAttempts']} times, not 3: {error.response}")
        check("GetRecommendations allows" in error.response["Error"]["Message"], f"message: {error.response}")
        print(f"throttled after {meta['RetryAttempts']} retries: {error.response['Error']['Message']}")
    # The wire form: 400, X-Amzn-ErrorType, and the message in the body, as AWS's restJson services send it.
    request = urllib.request.Request(ENDPOINT + "/recommendations", method="POST", headers={"Content-Type": "application/json"},
                                     data=json.dumps({"campaignArn": campaign, "userId": "1"}).encode())
    try:
        urllib.request.urlopen(request, timeout=30)
        check(False, "raw GetRecommendations was not throttled")
    except urllib.error.HTTPError as error:
        check(error.code == 400, f"raw status {error.code}")
        check(error.headers["X-Amzn-ErrorType"].startswith("ThrottlingException"), f"raw headers {dict(error.headers)}")
        check("Rate exceeded" in json.loads(error.read())["message"], "raw message")


def scenario():
    filters_up_to_the_quota(client())
    throttled_recommendations()


run(scenario)
