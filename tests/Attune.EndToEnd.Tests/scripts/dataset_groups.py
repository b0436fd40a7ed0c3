"""CreateDatasetGroup, DescribeDatasetGroup, ListDatasetGroups, DeleteDatasetGroup: ARNs, status chain,
timestamps, paging, duplicates, delete order and not-found errors."""
from e2e import (ARN_PREFIX, INTERACTIONS_SCHEMA, check, check_chain, check_timestamps, client, expect_error,
                 check_deleting_or_gone, list_all, run, unique, wait_for, wait_gone)


def scenario():
    p = client()
    prefix = unique("groups")
    names = [f"{prefix}-{i}" for i in range(7)]
    arns = [p.create_dataset_group(name=n)["datasetGroupArn"] for n in names]
    for name, arn in zip(names, arns):
        check(arn.startswith(ARN_PREFIX) and arn.endswith(f":dataset-group/{name}"), f"bad ARN {arn}")

    group, seen = wait_for(lambda: p.describe_dataset_group(datasetGroupArn=arns[0])["datasetGroup"], "ACTIVE")
    check_chain(seen, "ACTIVE")
    check(group["name"] == names[0] and group["datasetGroupArn"] == arns[0], f"describe returned {group}")
    check("failureReason" not in group, f"ACTIVE group has a failureReason: {group}")
    check_timestamps(group)
    for arn in arns[1:]:
        wait_for(lambda: p.describe_dataset_group(datasetGroupArn=arn)["datasetGroup"], "ACTIVE")

    expect_error("ResourceAlreadyExistsException", p.create_dataset_group, arns[0], name=names[0])

    listed = list_all(p.list_dataset_groups, "datasetGroups", 2)
    mine = [g for g in listed if g["name"].startswith(prefix)]
    check(sorted(g["datasetGroupArn"] for g in mine) == sorted(arns), f"paged list holds {mine}, want {arns}")
    check(len({g["datasetGroupArn"] for g in listed}) == len(listed), "paging returned a group twice")
    check(all(g["status"] == "ACTIVE" for g in mine), f"listed statuses {mine}")
    check(all("creationDateTime" in g and "lastUpdatedDateTime" in g for g in mine), "summaries lack timestamps")
    expect_error("InvalidNextTokenException", p.list_dataset_groups, nextToken="bm90LWEtdG9rZW4")
    first = p.list_dataset_groups(maxResults=1)
    check(len(first["datasetGroups"]) == 1 and "nextToken" in first, f"maxResults=1 gave {first}")
    expect_error("InvalidNextTokenException", p.list_schemas, nextToken=first["nextToken"])

    # A group with a dataset cannot be deleted; once the dataset is gone it can.
    schema_arn = p.create_schema(name=unique("groups-schema"), schema=INTERACTIONS_SCHEMA)["schemaArn"]
    dataset_arn = p.create_dataset(name=unique("groups-ds"), datasetGroupArn=arns[0], datasetType="Interactions",
                                   schemaArn=schema_arn)["datasetArn"]
    expect_error("ResourceInUseException", p.delete_dataset_group, dataset_arn, datasetGroupArn=arns[0])
    wait_for(lambda: p.describe_dataset(datasetArn=dataset_arn)["dataset"], "ACTIVE")
    p.delete_dataset(datasetArn=dataset_arn)
    wait_gone(lambda: p.describe_dataset(datasetArn=dataset_arn)["dataset"])
    p.delete_schema(schemaArn=schema_arn)

    for arn in arns:
        p.delete_dataset_group(datasetGroupArn=arn)
    check_deleting_or_gone("DescribeDatasetGroup", "datasetGroupArn", arns[-1])
    for arn in arns:
        wait_gone(lambda: p.describe_dataset_group(datasetGroupArn=arn)["datasetGroup"])
    remaining = [g for g in list_all(p.list_dataset_groups, "datasetGroups", 100) if g["name"].startswith(prefix)]
    check(remaining == [], f"deleted groups still listed: {remaining}")

    expect_error("ResourceNotFoundException", p.describe_dataset_group, arns[0], datasetGroupArn=arns[0])
    expect_error("ResourceNotFoundException", p.delete_dataset_group, arns[0], datasetGroupArn=arns[0])
    expect_error("InvalidInputException", p.create_dataset_group, "roleArn", name=unique("groups-kms"),
                 kmsKeyArn="arn:aws:kms:us-east-1:123456789012:key/abc")
    # The name is free again once the group is gone.
    again = p.create_dataset_group(name=names[0])["datasetGroupArn"]
    check(again == arns[0], f"recreated group has ARN {again}")
    wait_for(lambda: p.describe_dataset_group(datasetGroupArn=again)["datasetGroup"], "ACTIVE")
    p.delete_dataset_group(datasetGroupArn=again)


run(scenario)
