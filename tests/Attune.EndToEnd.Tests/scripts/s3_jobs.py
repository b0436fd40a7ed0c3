"""Every job family on a real S3-compatible server (argv: endpoint, S3 endpoint, bucket; the server runs with
--s3-endpoint): inputs are put into the bucket with boto3, an import, a dataset export, a batch inference job, a batch
segment job and a data deletion job run, and their outputs are read back from the bucket."""
import csv
import io
import json
import sys
import time

import boto3

from e2e import INTERACTIONS_SCHEMA, check, client, run, unique, wait_for

ENDPOINT, S3_ENDPOINT, BUCKET = sys.argv[1:4]
ROLE = "arn:aws:iam::000000000000:role/unused"
S3 = boto3.client("s3", endpoint_url=S3_ENDPOINT, region_name="us-east-1", aws_access_key_id="S3RVER", aws_secret_access_key="S3RVER")


def put(key, text):
    S3.put_object(Bucket=BUCKET, Key=key, Body=text.encode())


def get(key):
    return S3.get_object(Bucket=BUCKET, Key=key)["Body"].read().decode()


def keys(prefix):
    return sorted(o["Key"] for o in S3.list_objects_v2(Bucket=BUCKET, Prefix=prefix).get("Contents", []))


def trained(p, group, recipe):
    solution = p.create_solution(name=unique("s3-" + recipe), datasetGroupArn=group,
                                 recipeArn="arn:aws:personalize:::recipe/" + recipe)["solutionArn"]
    wait_for(lambda: p.describe_solution(solutionArn=solution)["solution"], "ACTIVE")
    version = p.create_solution_version(solutionArn=solution)["solutionVersionArn"]
    wait_for(lambda: p.describe_solution_version(solutionVersionArn=version)["solutionVersion"], "ACTIVE", timeout=180)
    return version


def scenario():
    rows = [(f"u{u}", f"i{(u * 3 + k) % 30}", 1_700_000_000 + u * 100 + k) for u in range(50) for k in range(8)]
    put("data/interactions.csv", "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n" + "".join(f"{u},{i},{t},click,\n" for u, i, t in rows))
    p = client()
    group = p.create_dataset_group(name=unique("s3-jobs"))["datasetGroupArn"]
    wait_for(lambda: p.describe_dataset_group(datasetGroupArn=group)["datasetGroup"], "ACTIVE")
    schema = p.create_schema(name=unique("s3-jobs"), schema=INTERACTIONS_SCHEMA)["schemaArn"]
    dataset = p.create_dataset(name=unique("s3-jobs"), datasetGroupArn=group, datasetType="Interactions", schemaArn=schema)["datasetArn"]
    wait_for(lambda: p.describe_dataset(datasetArn=dataset)["dataset"], "ACTIVE")
    job = p.create_dataset_import_job(jobName=unique("s3-import"), datasetArn=dataset,
                                      dataSource={"dataLocation": f"s3://{BUCKET}/data/interactions.csv"})["datasetImportJobArn"]
    wait_for(lambda: p.describe_dataset_import_job(datasetImportJobArn=job)["datasetImportJob"], "ACTIVE")

    # Export: the rows come back as CSV parts in the bucket.
    export = p.create_dataset_export_job(jobName=unique("s3-export"), datasetArn=dataset, ingestionMode="BULK", roleArn=ROLE,
                                         jobOutput={"s3DataDestination": {"path": f"s3://{BUCKET}/exports/"}})["datasetExportJobArn"]
    wait_for(lambda: p.describe_dataset_export_job(datasetExportJobArn=export)["datasetExportJob"], "ACTIVE")
    parts = keys("exports/")
    check(len(parts) == 1 and parts[0].endswith("_1.csv"), f"export parts in the bucket: {parts}")
    exported = list(csv.reader(io.StringIO(get(parts[0]))))
    check(exported[0][:3] == ["USER_ID", "ITEM_ID", "TIMESTAMP"] and len(exported) == len(rows) + 1, f"export: {exported[:2]}, {len(exported)} lines")

    # Batch inference: one output line per input line, in the bucket.
    version = trained(p, group, "aws-user-personalization")
    put("batch/users.jsonl", "".join(json.dumps({"userId": f"u{u}"}) + "\n" for u in range(10)))
    inference = p.create_batch_inference_job(jobName=unique("s3-batch"), solutionVersionArn=version, roleArn=ROLE, numResults=5,
                                             jobInput={"s3DataSource": {"path": f"s3://{BUCKET}/batch/users.jsonl"}},
                                             jobOutput={"s3DataDestination": {"path": f"s3://{BUCKET}/batch/out/"}})["batchInferenceJobArn"]
    wait_for(lambda: p.describe_batch_inference_job(batchInferenceJobArn=inference)["batchInferenceJob"], "ACTIVE", timeout=120)
    lines = [json.loads(line) for line in get("batch/out/users.jsonl.out").splitlines()]
    check(len(lines) == 10 and all(len(line["output"]["recommendedItems"]) == 5 and line["error"] is None for line in lines),
          f"batch output: {lines[:2]}")

    # Batch segments.
    affinity = trained(p, group, "aws-item-affinity")
    put("segments/items.jsonl", "".join(json.dumps({"itemId": f"i{i}"}) + "\n" for i in range(3)))
    segment = p.create_batch_segment_job(jobName=unique("s3-segment"), solutionVersionArn=affinity, roleArn=ROLE, numResults=4,
                                         jobInput={"s3DataSource": {"path": f"s3://{BUCKET}/segments/items.jsonl"}},
                                         jobOutput={"s3DataDestination": {"path": f"s3://{BUCKET}/segments/out/"}})["batchSegmentJobArn"]
    wait_for(lambda: p.describe_batch_segment_job(batchSegmentJobArn=segment)["batchSegmentJob"], "ACTIVE", timeout=120)
    segments = [json.loads(line) for line in get("segments/out/items.jsonl.out").splitlines()]
    check(len(segments) == 3 and all(len(s["output"]["recommendedUsers"]) == 4 for s in segments), f"segments: {segments[:1]}")

    # Data deletion: the user ids come from the bucket.
    put("delete/users.csv", "USER_ID\nu1\nu2\nu3\n")
    deletion = p.create_data_deletion_job(jobName=unique("s3-delete"), datasetGroupArn=group, roleArn=ROLE,
                                          dataSource={"dataLocation": f"s3://{BUCKET}/delete/users.csv"})["dataDeletionJobArn"]
    deadline = time.time() + 90
    while (described := p.describe_data_deletion_job(dataDeletionJobArn=deletion)["dataDeletionJob"])["status"] in ("PENDING", "IN_PROGRESS"):
        check(time.time() < deadline, f"deletion still {described['status']}")
        time.sleep(0.1)
    check(described["status"] == "COMPLETED" and described.get("numDeleted") == 3, f"deletion: {described}")


run(scenario)
