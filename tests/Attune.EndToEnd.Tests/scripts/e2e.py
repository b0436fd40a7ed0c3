"""Shared helpers for the end-to-end scenarios: a boto3 client on the test server, raw awsJson calls,
waiting for a status, expecting an error, paging a List operation to the end, and unique names."""
import json
import sys
import time
import urllib.error
import urllib.request
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
TRANSIENT = {"CREATE PENDING", "CREATE IN_PROGRESS", "DELETE PENDING", "DELETE IN_PROGRESS",
             "STOP PENDING", "STOP IN_PROGRESS", "START PENDING", "START IN_PROGRESS", "UPDATE PENDING", "UPDATE IN_PROGRESS"}
ARN_PREFIX = "arn:aws:personalize:us-east-1:"


class ScenarioFailure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise ScenarioFailure(message)


def client():
    return boto3.client(
        "personalize", endpoint_url=ENDPOINT, region_name="us-east-1",
        config=Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=30))


def events_client():
    return boto3.client("personalize-events", endpoint_url=ENDPOINT, region_name="us-east-1",
                        config=Config(retries={"max_attempts": 1}))


def expect_rest(code, status, call, *words, **kwargs):
    """A restJson (events/runtime) call that must fail with code and HTTP status, the message naming every word."""
    try:
        call(**kwargs)
    except ClientError as error:
        got = error.response["Error"]["Code"]
        message = error.response["Error"].get("Message", "")
        check(got == code, f"expected {code}, got {got}: {message}")
        check(error.response["ResponseMetadata"]["HTTPStatusCode"] == status, f"{code}: HTTP {error.response['ResponseMetadata']}")
        check(error.response["ResponseMetadata"]["HTTPHeaders"].get("x-amzn-errortype", "").startswith(code),
              f"{code}: no X-Amzn-ErrorType header")
        for word in words:
            check(word in message, f"message {message!r} does not name {word!r}")
        return
    raise ScenarioFailure(f"{call.__name__}({kwargs}) should fail with {code}")


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def raw(operation, body, content_type="application/x-amz-json-1.1"):
    """POSTs body (a dict, or bytes sent as they are) to the control plane; returns (HTTP status, parsed JSON)."""
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(ENDPOINT + "/", data=data, method="POST", headers={
        "Content-Type": content_type, "X-Amz-Target": f"AmazonPersonalize.{operation}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def expect_raw_error(operation, body, code, *words):
    status, payload = raw(operation, body)
    check(status == 400, f"{operation} {body!r}: expected HTTP 400 {code}, got {status} {payload}")
    check(payload.get("__type", "").split("#")[-1] == code, f"{operation} {body!r}: expected {code}, got {payload}")
    message = payload.get("message", "")
    for word in words:
        check(word in message, f"{operation} {body!r}: message {message!r} does not name {word!r}")
    return message


def expect_error(code, call, *words, **kwargs):
    """Calls call(**kwargs), which must fail with error code; the message must contain every word."""
    try:
        result = call(**kwargs)
    except ClientError as error:
        got = error.response["Error"]["Code"]
        message = error.response["Error"].get("Message", "")
        check(got == code, f"{call.__name__}({kwargs}): expected {code}, got {got}: {message}")
        for word in words:
            check(word in message, f"{call.__name__}: message {message!r} does not name {word!r}")
        return message
    raise ScenarioFailure(f"{call.__name__}({kwargs}) succeeded ({result}) but should fail with {code}")


def went_first(call, **kwargs):
    """For races: True when call(**kwargs) succeeds, False when a concurrent change went first (ResourceInUseException,
    or ResourceNotFoundException once a racing delete is done); any other error fails."""
    try:
        call(**kwargs)
        return True
    except ClientError as error:
        if error.response["Error"]["Code"] in ("ResourceInUseException", "ResourceNotFoundException"):
            return False
        raise


def wait_for(describe, final, timeout=90):
    """Polls describe() (returns the resource dict) until its status leaves the transient ones.
    Returns (resource, statuses seen in order). Fails when the final status differs or time runs out."""
    seen = []
    deadline = time.time() + timeout
    while True:
        resource = describe()
        status = resource["status"]
        if not seen or seen[-1] != status:
            seen.append(status)
        if status not in TRANSIENT:
            check(status == final, f"expected final status {final}, got {status} after {seen}: {resource}")
            return resource, seen
        check(time.time() < deadline, f"still {status} after {timeout}s (seen {seen})")
        time.sleep(0.05)


def check_chain(seen, final):
    order = ["CREATE PENDING", "CREATE IN_PROGRESS", final]
    check(all(s in order for s in seen), f"unexpected status in chain {seen}")
    check([order.index(s) for s in seen] == sorted(order.index(s) for s in seen), f"statuses out of order: {seen}")


def wait_gone(describe, timeout=60):
    deadline = time.time() + timeout
    while True:
        try:
            resource = describe()
        except ClientError as error:
            check(error.response["Error"]["Code"] == "ResourceNotFoundException", f"unexpected error {error}")
            return
        check(resource["status"] in ("DELETE PENDING", "DELETE IN_PROGRESS"), f"deleting resource is {resource['status']}")
        check(time.time() < deadline, f"still {resource['status']} after {timeout}s")
        time.sleep(0.05)


def check_deleting_or_gone(describe_operation, arn_member, arn):
    """Right after a delete the resource is DELETE PENDING/IN_PROGRESS or already gone."""
    status, payload = raw(describe_operation, {arn_member: arn})
    if status != 200:
        check(payload.get("__type") == "ResourceNotFoundException", f"after delete: {status} {payload}")
        return
    resource = next(iter(payload.values()))
    check(resource["status"] in ("DELETE PENDING", "DELETE IN_PROGRESS"), f"after delete: {resource}")


def delete_group_with_datasets(personalize, group_arn):
    """Deletes the group's datasets, waits until they are gone (the delete-order rule), then deletes the group."""
    datasets = personalize.list_datasets(datasetGroupArn=group_arn)["datasets"]
    for dataset in datasets:
        if dataset["status"] not in TRANSIENT:
            personalize.delete_dataset(datasetArn=dataset["datasetArn"])
    for dataset in datasets:
        wait_gone(lambda: personalize.describe_dataset(datasetArn=dataset["datasetArn"])["dataset"])
    personalize.delete_dataset_group(datasetGroupArn=group_arn)


def list_all(operation, key, max_results, **kwargs):
    """Pages operation with maxResults until nextToken is gone; checks page sizes and returns every item."""
    items, token, pages = [], None, 0
    while True:
        args = dict(kwargs, maxResults=max_results)
        if token:
            args["nextToken"] = token
        page = operation(**args)
        pages += 1
        check(len(page[key]) <= max_results, f"{key}: page of {len(page[key])} > maxResults {max_results}")
        items.extend(page[key])
        token = page.get("nextToken")
        if not token:
            return items
        check(pages < 1000, f"{key}: paging does not end")


def check_timestamps(resource):
    created, updated = resource["creationDateTime"], resource["lastUpdatedDateTime"]
    check(abs(time.time() - created.timestamp()) < 600, f"creationDateTime {created} is not recent")
    check(updated >= created, f"lastUpdatedDateTime {updated} < creationDateTime {created}")


def run(scenario):
    try:
        scenario()
    except ScenarioFailure as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
    print("OK")


def avro(name, fields):
    return json.dumps({"type": "record", "name": name, "namespace": "com.amazonaws.personalize.schema",
                       "fields": fields, "version": "1.0"})


INTERACTIONS_SCHEMA = avro("Interactions", [
    {"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"},
    {"name": "TIMESTAMP", "type": "long"}, {"name": "EVENT_TYPE", "type": "string"},
    {"name": "EVENT_VALUE", "type": ["null", "float"]}])
ITEMS_SCHEMA = avro("Items", [
    {"name": "ITEM_ID", "type": "string"}, {"name": "TITLE", "type": "string"},
    {"name": "GENRES", "type": ["null", "string"], "categorical": True},
    {"name": "CREATION_TIMESTAMP", "type": ["null", "long"]}])
USERS_SCHEMA = avro("Users", [
    {"name": "USER_ID", "type": "string"}, {"name": "GENDER", "type": "string", "categorical": True},
    {"name": "AGE", "type": "int"}, {"name": "OCCUPATION", "type": "string", "categorical": True},
    {"name": "ZIP", "type": "string"}])


def active_group(personalize, prefix):
    arn = personalize.create_dataset_group(name=unique(prefix))["datasetGroupArn"]
    wait_for(lambda: personalize.describe_dataset_group(datasetGroupArn=arn)["datasetGroup"], "ACTIVE")
    return arn


def active_dataset(personalize, group_arn, dataset_type, schema_json, prefix):
    schema_arn = personalize.create_schema(name=unique(prefix + "-schema"), schema=schema_json)["schemaArn"]
    arn = personalize.create_dataset(name=unique(prefix), datasetGroupArn=group_arn, datasetType=dataset_type,
                                     schemaArn=schema_arn)["datasetArn"]
    wait_for(lambda: personalize.describe_dataset(datasetArn=arn)["dataset"], "ACTIVE")
    return arn, schema_arn


def until_not_in_use(call, timeout=60, **kwargs):
    """Retries call(**kwargs) while it fails with ResourceInUseException (a dependent still deleting)."""
    deadline = time.time() + timeout
    while True:
        try:
            return call(**kwargs)
        except ClientError as error:
            if error.response["Error"]["Code"] != "ResourceInUseException" or time.time() > deadline:
                raise
            time.sleep(0.05)
