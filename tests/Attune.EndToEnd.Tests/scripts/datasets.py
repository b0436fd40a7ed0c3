"""CreateDataset, DescribeDataset, ListDatasets (scope filter, paging), UpdateDataset, DeleteDataset."""
from e2e import (ARN_PREFIX, INTERACTIONS_SCHEMA, ITEMS_SCHEMA, USERS_SCHEMA, active_group, avro, check, check_chain,
                 check_deleting_or_gone, check_timestamps, client, delete_group_with_datasets, expect_error, list_all,
                 run, unique, until_not_in_use, wait_for, wait_gone)


def scenario():
    p = client()
    group = active_group(p, "datasets")
    group_name = group.rsplit("/", 1)[1]
    other_group = active_group(p, "datasets-other")
    schemas = {t: p.create_schema(name=unique(f"datasets-{t.lower()}"), schema=s)["schemaArn"]
               for t, s in (("Interactions", INTERACTIONS_SCHEMA), ("Items", ITEMS_SCHEMA), ("Users", USERS_SCHEMA))}

    datasets = {}
    for dataset_type, schema_arn in schemas.items():
        name = unique(f"datasets-{dataset_type.lower()}")
        arn = p.create_dataset(name=name, datasetGroupArn=group, datasetType=dataset_type, schemaArn=schema_arn,
                               tags=[{"tagKey": "type", "tagValue": dataset_type}])["datasetArn"]
        check(arn == f"{ARN_PREFIX}{arn.split(':')[4]}:dataset/{group_name}/{dataset_type.upper()}", f"bad ARN {arn}")
        datasets[dataset_type] = arn
    dataset, seen = wait_for(lambda: p.describe_dataset(datasetArn=datasets["Items"])["dataset"], "ACTIVE")
    check_chain(seen, "ACTIVE")
    check_timestamps(dataset)
    check(dataset["datasetType"] == "Items" and dataset["datasetGroupArn"] == group
          and dataset["schemaArn"] == schemas["Items"], f"describe: {dataset}")
    for arn in datasets.values():
        wait_for(lambda: p.describe_dataset(datasetArn=arn)["dataset"], "ACTIVE")
    other = p.create_dataset(name=unique("datasets-other"), datasetGroupArn=other_group, datasetType="Interactions",
                             schemaArn=schemas["Interactions"])["datasetArn"]

    # One dataset per type and group.
    expect_error("ResourceAlreadyExistsException", p.create_dataset, datasets["Items"], name=unique("datasets-dup"),
                 datasetGroupArn=group, datasetType="Items", schemaArn=schemas["Items"])
    expect_error("InvalidInputException", p.create_dataset, "datasetType", name=unique("datasets-bad"),
                 datasetGroupArn=group, datasetType="Widgets", schemaArn=schemas["Items"])
    expect_error("ResourceNotFoundException", p.create_dataset, "nothing-here", name=unique("datasets-bad"),
                 datasetGroupArn=group.replace(group_name, "nothing-here"), datasetType="Items", schemaArn=schemas["Items"])
    expect_error("ResourceNotFoundException", p.create_dataset, "no-schema", name=unique("datasets-bad"),
                 datasetGroupArn=other_group, datasetType="Items",
                 schemaArn=schemas["Items"].rsplit("/", 1)[0] + "/no-schema")

    scoped = list_all(p.list_datasets, "datasets", 1, datasetGroupArn=group)
    check(sorted(d["datasetArn"] for d in scoped) == sorted(datasets.values()), f"scoped list {scoped}")
    check({d["datasetType"] for d in scoped} == set(datasets), f"scoped types {scoped}")
    everything = {d["datasetArn"] for d in list_all(p.list_datasets, "datasets", 100)}
    check(set(datasets.values()) | {other} <= everything, "unscoped list misses datasets")
    expect_error("ResourceNotFoundException", p.list_datasets, datasetGroupArn=group + "-missing")

    # UpdateDataset: a schema that keeps every column and adds one is accepted; dropping or retyping is not.
    wider = p.create_schema(name=unique("datasets-wider"), schema=avro("Users", [
        {"name": "USER_ID", "type": "string"}, {"name": "GENDER", "type": "string", "categorical": True},
        {"name": "AGE", "type": "int"}, {"name": "OCCUPATION", "type": "string", "categorical": True},
        {"name": "ZIP", "type": "string"}, {"name": "COUNTRY", "type": ["null", "string"], "categorical": True}]))["schemaArn"]
    narrower = p.create_schema(name=unique("datasets-narrow"), schema=avro("Users", [
        {"name": "USER_ID", "type": "string"}, {"name": "AGE", "type": "int"}]))["schemaArn"]
    p.update_dataset(datasetArn=datasets["Users"], schemaArn=wider)
    updated = p.describe_dataset(datasetArn=datasets["Users"])["dataset"]
    check(updated["schemaArn"] == wider, f"schema not swapped: {updated}")
    check(updated["latestDatasetUpdate"]["schemaArn"] == wider, f"latestDatasetUpdate: {updated}")
    check(updated["lastUpdatedDateTime"] >= updated["creationDateTime"], "update timestamps")
    expect_error("InvalidInputException", p.update_dataset, "GENDER", datasetArn=datasets["Users"], schemaArn=narrower)
    expect_error("InvalidInputException", p.update_dataset, datasetArn=datasets["Users"], schemaArn=schemas["Items"])
    expect_error("ResourceNotFoundException", p.update_dataset, datasetArn=datasets["Users"] + "X", schemaArn=wider)
    expect_error("ResourceInUseException", p.delete_schema, datasets["Users"], schemaArn=wider)

    for arn in datasets.values():
        p.delete_dataset(datasetArn=arn)
    check_deleting_or_gone("DescribeDataset", "datasetArn", datasets["Users"])
    for arn in datasets.values():
        wait_gone(lambda: p.describe_dataset(datasetArn=arn)["dataset"])
    check(list_all(p.list_datasets, "datasets", 10, datasetGroupArn=group) == [], "deleted datasets still listed")
    expect_error("ResourceNotFoundException", p.delete_dataset, datasetArn=datasets["Items"])
    # The type slot is free again.
    again = p.create_dataset(name=unique("datasets-again"), datasetGroupArn=group, datasetType="Items",
                             schemaArn=schemas["Items"])["datasetArn"]
    check(again == datasets["Items"], f"recreated dataset ARN {again}")
    for arn in (again, other):
        wait_for(lambda: p.describe_dataset(datasetArn=arn)["dataset"], "ACTIVE")
    delete_group_with_datasets(p, group)
    delete_group_with_datasets(p, other_group)
    for arn in list(schemas.values()) + [wider, narrower]:
        until_not_in_use(p.delete_schema, schemaArn=arn)


run(scenario)
