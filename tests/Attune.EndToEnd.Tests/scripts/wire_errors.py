"""awsJson wire errors: malformed JSON, wrong types, missing members, length/pattern/range/enum violations,
unknown and unimplemented operations. Raw HTTP so the client does not validate first."""
from e2e import check, client, expect_error, expect_raw_error, raw, run, unique

GROUP_ARN = "arn:aws:personalize:us-east-1:000000000000:dataset-group/x"


def scenario():
    expect_raw_error("CreateDatasetGroup", b"{\"name\": ", "InvalidInputException")
    expect_raw_error("CreateDatasetGroup", b"[1, 2]", "InvalidInputException")
    expect_raw_error("CreateDatasetGroup", {}, "InvalidInputException", "name")
    expect_raw_error("CreateDatasetGroup", {"name": 5}, "InvalidInputException", "name")
    expect_raw_error("CreateDatasetGroup", {"name": "x" * 64}, "InvalidInputException", "name")
    expect_raw_error("CreateDatasetGroup", {"name": "bad name!"}, "InvalidInputException", "name")
    expect_raw_error("CreateDatasetGroup", {"name": unique("wire"), "domain": "GAMES"}, "InvalidInputException", "domain")
    expect_raw_error("CreateDatasetGroup", {"name": unique("wire"), "tags": [{"tagKey": 1, "tagValue": "v"}]},
                     "InvalidInputException", "tagKey")
    expect_raw_error("CreateDatasetGroup", {"name": unique("wire"), "tags": {"tagKey": "k"}}, "InvalidInputException", "tags")
    expect_raw_error("CreateDatasetGroup", {"name": unique("wire"), "tags": [{"tagKey": "k"}]}, "InvalidInputException", "tagValue")
    expect_raw_error("ListDatasetGroups", {"nextToken": "x" * 1501}, "InvalidInputException", "nextToken")
    expect_raw_error("ListDatasetGroups", {"maxResults": 0}, "InvalidInputException", "maxResults")
    expect_raw_error("ListDatasetGroups", {"maxResults": 101}, "InvalidInputException", "maxResults")
    expect_raw_error("ListDatasetGroups", {"maxResults": "10"}, "InvalidInputException", "maxResults")
    expect_raw_error("DescribeDatasetGroup", {"datasetGroupArn": "not-an-arn"}, "InvalidInputException", "datasetGroupArn")
    expect_raw_error("CreateSchema", {"name": unique("wire"), "schema": "{}" , "domain": "BOOKS"},
                     "InvalidInputException", "domain")
    expect_raw_error("CreateDatasetImportJob", {
        "jobName": unique("wire"), "datasetArn": GROUP_ARN.replace("dataset-group/x", "dataset/x/ITEMS"),
        "dataSource": {"dataLocation": "s3://b/k"}, "importMode": "PARTIAL"}, "InvalidInputException", "importMode")
    expect_raw_error("CreateDatasetImportJob", {
        "jobName": unique("wire"), "datasetArn": GROUP_ARN.replace("dataset-group/x", "dataset/x/ITEMS"),
        "dataSource": {"dataLocation": "http://example.com/data.csv"}}, "InvalidInputException", "dataLocation")

    status, payload = raw("FrobnicateDatasetGroup", {})
    check(status == 400 and payload.get("__type", "").endswith("UnknownOperationException"),
          f"unknown operation answered {status} {payload}")
    check("FrobnicateDatasetGroup" in payload.get("message", ""), f"message does not name the operation: {payload}")

    p = client()
    # Recommender operations reach their handlers: a missing group is not found, listing works.
    expect_error("ResourceNotFoundException", p.create_recommender, "dataset-group", name=unique("wire"),
                 datasetGroupArn=GROUP_ARN, recipeArn="arn:aws:personalize:::recipe/aws-ecomm-recommended-for-you")
    status, payload = raw("ListRecommenders", {})
    check(status == 200 and "recommenders" in payload, f"ListRecommenders answered {status} {payload}")
    # A valid request with unknown extra members is accepted (clients may be newer than the model).
    status, payload = raw("ListDatasetGroups", {"maxResults": 1, "someFutureMember": True})
    check(status == 200 and "datasetGroups" in payload, f"extra member: {status} {payload}")
    expect_error("ResourceNotFoundException", p.describe_dataset_group, datasetGroupArn=GROUP_ARN)


run(scenario)
