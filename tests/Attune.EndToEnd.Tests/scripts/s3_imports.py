"""Imports from a real S3-compatible server (argv: endpoint, S3 endpoint, bucket; the server was started with
--s3-endpoint and the store's credentials in its environment): boto3 puts CSVs into the bucket, CreateDatasetImportJob
reads an object and a prefix of two parts, and a key that does not exist fails the job with the location named."""
import sys

import boto3

from e2e import INTERACTIONS_SCHEMA, check, client, run, unique, wait_for

ENDPOINT, S3_ENDPOINT, BUCKET = sys.argv[1:4]


def scenario():
    s3 = boto3.client("s3", endpoint_url=S3_ENDPOINT, region_name="us-east-1", aws_access_key_id="S3RVER",
                      aws_secret_access_key="S3RVER")
    header = "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n"
    rows = [f"u{u},i{(u * 7 + k) % 50},{1_700_000_000 + u * 100 + k},click,\n" for u in range(40) for k in range(5)]
    s3.put_object(Bucket=BUCKET, Key="one/interactions.csv", Body=(header + "".join(rows)).encode())
    s3.put_object(Bucket=BUCKET, Key="parts/part-1.csv", Body=(header + "".join(rows[:120])).encode())
    s3.put_object(Bucket=BUCKET, Key="parts/part-2.csv", Body=(header + "".join(rows[120:])).encode())

    p = client()
    group = p.create_dataset_group(name=unique("s3"))["datasetGroupArn"]
    wait_for(lambda: p.describe_dataset_group(datasetGroupArn=group)["datasetGroup"], "ACTIVE")
    schema = p.create_schema(name=unique("s3"), schema=INTERACTIONS_SCHEMA)["schemaArn"]
    dataset = p.create_dataset(name=unique("s3"), datasetGroupArn=group, datasetType="Interactions", schemaArn=schema)["datasetArn"]
    wait_for(lambda: p.describe_dataset(datasetArn=dataset)["dataset"], "ACTIVE")

    def imported(location, final="ACTIVE", mode="INCREMENTAL"):
        job = p.create_dataset_import_job(jobName=unique("s3"), datasetArn=dataset, importMode=mode,
                                          dataSource={"dataLocation": location})["datasetImportJobArn"]
        described, _ = wait_for(lambda: p.describe_dataset_import_job(datasetImportJobArn=job)["datasetImportJob"], final)
        return described

    one = imported(f"s3://{BUCKET}/one/interactions.csv", mode="FULL")
    parts = imported(f"s3://{BUCKET}/parts/")
    missing = imported(f"s3://{BUCKET}/no/such.csv", final="CREATE FAILED")
    check("no/such.csv" in missing.get("failureReason", ""), f"failureReason does not name the location: {missing}")
    check(one.get("rowsImported") is None or one["rowsImported"] == 200, f"one object: {one}")


run(scenario)
