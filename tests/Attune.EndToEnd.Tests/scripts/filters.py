"""CreateFilter / DescribeFilter / ListFilters / DeleteFilter: expressions checked against the group's schemas,
malformed ones refused with the reason, the `Filters` result key, paging, scope and delete order."""
from e2e import (ARN_PREFIX, INTERACTIONS_SCHEMA, ITEMS_SCHEMA, USERS_SCHEMA, active_dataset, active_group, check,
                 check_chain, client, delete_group_with_datasets, expect_error, list_all, raw, run, unique, wait_for, wait_gone)


def scenario():
    p = client()
    group = active_group(p, "filters")
    active_dataset(p, group, "Interactions", INTERACTIONS_SCHEMA, "filters-int")
    active_dataset(p, group, "Items", ITEMS_SCHEMA, "filters-items")
    active_dataset(p, group, "Users", USERS_SCHEMA, "filters-users")

    valid = [
        'EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click", "stream")',
        "INCLUDE ItemID WHERE Items.GENRES IN ($GENRES)",
        "INCLUDE ItemID WHERE Items.CREATION_TIMESTAMP < $DATE",
        "EXCLUDE ItemID WHERE Items.GENRES IN ($GENRE) IF CurrentUser.AGE > 18",
        'INCLUDE ItemID WHERE Items.GENRES IN ("Comedy") | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("rating")',
    ]
    arns = []
    for expression in valid:
        name = unique("filter")
        arn = p.create_filter(name=name, datasetGroupArn=group, filterExpression=expression)["filterArn"]
        check(arn == f"{ARN_PREFIX}000000000000:filter/{name}", f"filter ARN {arn}")
        described, seen = wait_for(lambda: p.describe_filter(filterArn=arn)["filter"], "ACTIVE")
        check_chain(seen, "ACTIVE")
        check(described["filterExpression"] == expression and described["datasetGroupArn"] == group, f"filter: {described}")
        arns.append(arn)

    expect_error("InvalidInputException", p.create_filter, "WHERE", name=unique("filter"), datasetGroupArn=group,
                 filterExpression="INCLUDE ItemID Items.GENRES IN ($G)")
    expect_error("InvalidInputException", p.create_filter, "NOPE", name=unique("filter"), datasetGroupArn=group,
                 filterExpression='INCLUDE ItemID WHERE Items.NOPE IN ("x")')
    expect_error("InvalidInputException", p.create_filter, "TITLE", name=unique("filter"), datasetGroupArn=group,
                 filterExpression="INCLUDE ItemID WHERE Items.TITLE < 3")
    expect_error("InvalidInputException", p.create_filter, name=unique("filter"), datasetGroupArn=group,
                 filterExpression='INCLUDE ItemID WHERE Items.GENRES IN ("a") AND Interactions.EVENT_TYPE IN ("b")')
    expect_error("ResourceNotFoundException", p.create_filter, name=unique("filter"),
                 datasetGroupArn=group + "-missing", filterExpression="INCLUDE ItemID WHERE Items.GENRES IN ($G)")
    expect_error("ResourceAlreadyExistsException", p.create_filter, name=arns[0].split("/")[-1], datasetGroupArn=group,
                 filterExpression=valid[0])

    status, payload = raw("ListFilters", {"datasetGroupArn": group})
    check(status == 200 and "Filters" in payload and "filters" not in payload, f"ListFilters key: {payload}")
    listed = list_all(p.list_filters, "Filters", 2, datasetGroupArn=group)
    check(sorted(f["filterArn"] for f in listed) == sorted(arns), f"listed {listed}")
    check(all(f["status"] == "ACTIVE" and f["datasetGroupArn"] == group for f in listed), f"summaries {listed}")

    expect_error("ResourceInUseException", p.delete_dataset_group, "filter", datasetGroupArn=group)
    for arn in arns:
        p.delete_filter(filterArn=arn)
        wait_gone(lambda: p.describe_filter(filterArn=arn)["filter"])
    expect_error("ResourceNotFoundException", p.delete_filter, filterArn=arns[0])
    delete_group_with_datasets(p, group)


run(scenario)
