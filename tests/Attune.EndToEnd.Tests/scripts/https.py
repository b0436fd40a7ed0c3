"""The control plane and runtime over TLS: boto3 trusting only the server's certificate (argv[2], a PEM file)."""
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError, SSLError

from e2e import ENDPOINT, check, run, unique, wait_for

CERTIFICATE = sys.argv[2]


def scenario():
    check(ENDPOINT.startswith("https://"), f"not an https endpoint: {ENDPOINT}")
    config = Config(retries={"max_attempts": 1})
    p = boto3.client("personalize", endpoint_url=ENDPOINT, region_name="us-east-1", verify=CERTIFICATE, config=config)
    name = unique("tls")
    arn = p.create_dataset_group(name=name)["datasetGroupArn"]
    group = wait_for(lambda: p.describe_dataset_group(datasetGroupArn=arn)["datasetGroup"], "ACTIVE")[0]
    check(group["name"] == name, f"described over TLS: {group}")
    check(any(g["datasetGroupArn"] == arn for g in p.list_dataset_groups()["datasetGroups"]), "listed over TLS")
    runtime = boto3.client("personalize-runtime", endpoint_url=ENDPOINT, region_name="us-east-1", verify=CERTIFICATE, config=config)
    try:
        runtime.get_recommendations(campaignArn=arn.replace(":dataset-group/", ":campaign/"), userId="1")
        check(False, "GetRecommendations on a missing campaign succeeded")
    except ClientError as error:
        check(error.response["Error"]["Code"] == "ResourceNotFoundException", f"runtime over TLS: {error.response}")
    # A client that does not trust the certificate is refused by TLS itself.
    untrusting = boto3.client("personalize", endpoint_url=ENDPOINT, region_name="us-east-1", config=config)
    try:
        untrusting.list_dataset_groups()
        check(False, "a client without the certificate was served")
    except SSLError:
        pass
    print(f"TLS OK: {arn}")


run(scenario)
