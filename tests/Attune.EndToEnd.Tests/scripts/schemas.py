"""CreateSchema (Avro validation per dataset type), DescribeSchema, ListSchemas, DeleteSchema."""
import json

from e2e import (ARN_PREFIX, INTERACTIONS_SCHEMA, ITEMS_SCHEMA, USERS_SCHEMA, active_group, avro, check, client,
                 expect_error, list_all, run, unique, until_not_in_use, wait_for)

BASE_INTERACTIONS = [{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"},
                     {"name": "TIMESTAMP", "type": "long"}]

# Each bad schema with a word its rejection message must contain.
BAD_SCHEMAS = [
    ("JSON", "{not json"),
    ("record", json.dumps({"type": "enum", "name": "Interactions", "symbols": ["A"]})),
    ("TIMESTAMP", avro("Interactions", BASE_INTERACTIONS[:2])),
    ("USER_ID", avro("Interactions", BASE_INTERACTIONS[1:])),
    ("TIMESTAMP", avro("Interactions", BASE_INTERACTIONS[:2] + [{"name": "TIMESTAMP", "type": "string"}])),
    ("EVENT_VALUE", avro("Interactions", BASE_INTERACTIONS + [{"name": "EVENT_VALUE", "type": "string"}])),
    ("metadata", avro("Items", [{"name": "ITEM_ID", "type": "string"}])),
    ("ITEM_ID", avro("Items", [{"name": "ITEM_ID", "type": "long"}, {"name": "PRICE", "type": "float"}])),
    ("TAGS", avro("Interactions", BASE_INTERACTIONS + [{"name": "TAGS", "type": {"type": "array", "items": "string"}}])),
    ("PRICE", avro("Items", [{"name": "ITEM_ID", "type": "string"}, {"name": "PRICE", "type": ["null", "float", "string"]}])),
    ("categorical", avro("Items", [{"name": "ITEM_ID", "type": "string"}, {"name": "PRICE", "type": "float", "categorical": True}])),
    ("textual", avro("Users", [{"name": "USER_ID", "type": "string"}, {"name": "BIO", "type": "string", "textual": True}])),
    ("DEVICE", avro("Interactions", BASE_INTERACTIONS + [{"name": "DEVICE", "type": "string"}, {"name": "DEVICE", "type": "string"}])),
]


def scenario():
    p = client()
    prefix = unique("schemas")
    good = {
        "interactions": INTERACTIONS_SCHEMA, "items": ITEMS_SCHEMA, "users": USERS_SCHEMA,
        "textual": avro("Items", [{"name": "ITEM_ID", "type": "string"},
                                  {"name": "DESCRIPTION", "type": ["null", "string"], "textual": True}]),
        "contextual": avro("Interactions", BASE_INTERACTIONS + [
            {"name": "DEVICE", "type": ["string", "null"], "categorical": True},
            {"name": "EVENT_VALUE", "type": ["float", "null"]}]),
    }
    arns = {}
    for key, text in good.items():
        name = f"{prefix}-{key}"
        arn = p.create_schema(name=name, schema=text)["schemaArn"]
        check(arn == p.describe_schema(schemaArn=arn)["schema"]["schemaArn"], f"describe of {arn}")
        check(arn.startswith(ARN_PREFIX) and arn.endswith(f":schema/{name}"), f"bad schema ARN {arn}")
        arns[key] = arn
    described = p.describe_schema(schemaArn=arns["items"])["schema"]
    check(described["schema"] == ITEMS_SCHEMA and described["name"] == f"{prefix}-items", f"describe: {described}")
    check("status" not in described, f"schemas have no status: {described}")
    check(described["creationDateTime"] <= described["lastUpdatedDateTime"], "schema timestamps out of order")

    for word, text in BAD_SCHEMAS:
        expect_error("InvalidInputException", p.create_schema, word, name=unique("schemas-bad"), schema=text)

    expect_error("ResourceAlreadyExistsException", p.create_schema, arns["items"],
                 name=f"{prefix}-items", schema=ITEMS_SCHEMA)

    listed = [s for s in list_all(p.list_schemas, "schemas", 2) if s["name"].startswith(prefix)]
    check(sorted(s["schemaArn"] for s in listed) == sorted(arns.values()), f"listed {listed}")
    check(all("schema" not in s for s in listed), "summaries should not carry the schema body")

    # A schema a dataset uses cannot be deleted until the dataset is gone.
    group = active_group(p, "schemas-group")
    dataset = p.create_dataset(name=unique("schemas-ds"), datasetGroupArn=group, datasetType="Items",
                               schemaArn=arns["items"])["datasetArn"]
    expect_error("ResourceInUseException", p.delete_schema, dataset, schemaArn=arns["items"])
    # A schema for another dataset type does not fit.
    expect_error("InvalidInputException", p.create_dataset, "Users", name=unique("schemas-ds"),
                 datasetGroupArn=group, datasetType="Users", schemaArn=arns["interactions"])
    wait_for(lambda: p.describe_dataset(datasetArn=dataset)["dataset"], "ACTIVE")
    p.delete_dataset(datasetArn=dataset)
    until_not_in_use(p.delete_schema, schemaArn=arns["items"])
    for key, arn in arns.items():
        if key != "items":
            p.delete_schema(schemaArn=arn)
    for arn in arns.values():
        expect_error("ResourceNotFoundException", p.describe_schema, arn, schemaArn=arn)
    check([s for s in list_all(p.list_schemas, "schemas", 100) if s["name"].startswith(prefix)] == [],
          "deleted schemas still listed")
    expect_error("ResourceNotFoundException", p.delete_schema, arns["users"], schemaArn=arns["users"])
    until_not_in_use(p.delete_dataset_group, datasetGroupArn=group)


run(scenario)
