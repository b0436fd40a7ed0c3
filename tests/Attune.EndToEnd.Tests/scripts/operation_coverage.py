"""Every operation of the three service models reaches its handler: a call whose shape is valid (required members
only, filled with well-formed values naming resources that do not exist) gets the handler's answer or error, never
UnsupportedOperationException. Inputs are built from boto3's own models, so a new operation is covered by itself."""
import datetime

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from e2e import ENDPOINT, check, run, unique

MISSING_ARN = "arn:aws:personalize:us-east-1:000000000000:coverage/missing"
# One well-formed value per string shape that a required member uses (patterns and lengths of the models).
VALUES = {
    "Arn": MISSING_ARN, "RoleArn": "arn:aws:iam::000000000000:role/coverage", "S3Location": "s3://coverage/missing.csv",
    "DatasetType": "Interactions", "AvroSchema": "{}", "FilterExpression": "EXCLUDE ItemID WHERE Items.GENRE IN (\"x\")",
    "TagKey": "coverage", "TagValue": "coverage", "MetricExpression": "SUM(DatasetType.INTERACTIONS.EVENT_VALUE)",
}


def value(shape):
    if shape.type_name == "structure":
        return {name: value(shape.members[name]) for name in shape.required_members}
    if shape.type_name == "list":
        return [value(shape.member)]
    if shape.type_name == "map":
        return {}
    if shape.type_name == "timestamp":
        return datetime.datetime.now(datetime.timezone.utc)
    if shape.type_name in ("integer", "long", "float", "double"):
        return shape.metadata.get("min", 1)
    if shape.type_name == "boolean":
        return False
    if "enum" in shape.metadata:
        return shape.metadata["enum"][0]
    return VALUES.get(shape.name, unique("coverage"))


def scenario():
    unsupported, failed, reached = [], [], 0
    for service in ("personalize", "personalize-runtime", "personalize-events"):
        client = boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1", config=Config(retries={"max_attempts": 1}))
        model = client.meta.service_model
        for name in model.operation_names:
            operation = model.operation_model(name)
            arguments = value(operation.input_shape) if operation.input_shape is not None else {}
            try:
                getattr(client, _method(client, name))(**arguments)
            except ClientError as error:
                if error.response["Error"]["Code"] == "UnsupportedOperationException":
                    unsupported.append(f"{service}:{name}")
                elif error.response["ResponseMetadata"]["HTTPStatusCode"] >= 500:
                    failed.append(f"{service}:{name} {error.response['Error']}")
            reached += 1
    check(reached == 79, f"the models hold {reached} operations, not 79")
    check(not failed, f"server errors: {failed}")
    check(not unsupported, f"{len(unsupported)} operations do not reach a handler: {', '.join(sorted(unsupported))}")


def _method(client, operation_name):
    return next(method for method, api in client.meta.method_to_api_mapping.items() if api == operation_name)


run(scenario)
