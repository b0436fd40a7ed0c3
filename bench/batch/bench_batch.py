"""Batch inference throughput: starts the built server (Release if built, else Debug) on a fresh data directory,
imports generated interactions (USERS users x 8 events over 12,000 items, power-law items), trains
aws-user-personalization, runs a batch inference job over every user and prints users/s from the job's own
creation and last-update times; writes bench/results/batch.md. Usage: python3 bench/batch/bench_batch.py [USERS]"""
import datetime
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

import boto3

USERS = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
ITEMS, EVENTS, PORT = 12_000, 8, 5391
ROLE = "arn:aws:iam::000000000000:role/unused"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def server_dll():
    for config in ("Release", "Debug"):
        path = os.path.join(ROOT, f"src/Attune.Server/bin/{config}/net10.0/Attune.Server.dll")
        if os.path.exists(path):
            return path, config
    sys.exit("build src/Attune.Server first")


def cpu_seconds(pid):
    """utime + stime of a process, from /proc."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait(describe, timeout=3600):
    deadline = time.time() + timeout
    while time.time() < deadline:
        resource = describe()
        if resource["status"] not in ("CREATE PENDING", "CREATE IN_PROGRESS"):
            if resource["status"] != "ACTIVE":
                sys.exit(f"failed: {resource}")
            return resource
        time.sleep(0.5)
    sys.exit("timed out")


def main():
    data = tempfile.mkdtemp(prefix="attune-batch-bench-")
    objects = os.path.join(data, "objects", "bench")
    os.makedirs(objects)
    rng = random.Random(5)
    with open(os.path.join(objects, "interactions.csv"), "w") as out:
        out.write("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\n")
        for u in range(USERS):
            for k in range(EVENTS):
                out.write(f"u{u},i{int(rng.paretovariate(0.8)) % ITEMS},{1_700_000_000 + u + k},click\n")
    with open(os.path.join(objects, "users.jsonl"), "w") as out:
        out.writelines(json.dumps({"userId": f"u{u}"}) + "\n" for u in range(USERS))
    dll, config = server_dll()
    server = subprocess.Popen(["dotnet", dll, "--data-dir", data, "--urls", f"http://127.0.0.1:{PORT}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        p = boto3.client("personalize", endpoint_url=f"http://127.0.0.1:{PORT}", region_name="us-east-1",
                         aws_access_key_id="x", aws_secret_access_key="x")
        for _ in range(120):
            try:
                p.list_dataset_groups()
                break
            except Exception:
                time.sleep(1)
        group = p.create_dataset_group(name="bench")["datasetGroupArn"]
        wait(lambda: p.describe_dataset_group(datasetGroupArn=group)["datasetGroup"])
        schema = p.create_schema(name="bench", schema=json.dumps({
            "type": "record", "name": "Interactions", "namespace": "com.amazonaws.personalize.schema", "version": "1.0",
            "fields": [{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"},
                       {"name": "TIMESTAMP", "type": "long"}, {"name": "EVENT_TYPE", "type": "string"}]}))["schemaArn"]
        dataset = p.create_dataset(name="bench", schemaArn=schema, datasetGroupArn=group, datasetType="Interactions")["datasetArn"]
        wait(lambda: p.describe_dataset(datasetArn=dataset)["dataset"])
        job = p.create_dataset_import_job(jobName="bench", datasetArn=dataset, roleArn=ROLE,
                                          dataSource={"dataLocation": "s3://bench/interactions.csv"})["datasetImportJobArn"]
        wait(lambda: p.describe_dataset_import_job(datasetImportJobArn=job)["datasetImportJob"])
        solution = p.create_solution(name="bench", datasetGroupArn=group, performAutoTraining=False,
                                     recipeArn="arn:aws:personalize:::recipe/aws-user-personalization")["solutionArn"]
        wait(lambda: p.describe_solution(solutionArn=solution)["solution"])
        version = p.create_solution_version(solutionArn=solution)["solutionVersionArn"]
        wait(lambda: p.describe_solution_version(solutionVersionArn=version)["solutionVersion"], timeout=7200)
        cpu_before = cpu_seconds(server.pid)
        arn = p.create_batch_inference_job(jobName="bench", solutionVersionArn=version, roleArn=ROLE, numResults=25,
                                           jobInput={"s3DataSource": {"path": "s3://bench/users.jsonl"}},
                                           jobOutput={"s3DataDestination": {"path": "s3://bench/out/"}})["batchInferenceJobArn"]
        job = wait(lambda: p.describe_batch_inference_job(batchInferenceJobArn=arn)["batchInferenceJob"])
        seconds = (job["lastUpdatedDateTime"] - job["creationDateTime"]).total_seconds()
        cpu = cpu_seconds(server.pid) - cpu_before
        rate, cores = USERS / seconds, os.cpu_count()
        load = open("/proc/loadavg").read().split()[0]
        report = (f"Batch inference: {USERS:,} users ({EVENTS} events each) on a {ITEMS:,}-item catalogue, aws-user-personalization, "
                  f"numResults 25, embedded server ({config} build).\n\n"
                  f"Command: `python3 bench/batch/bench_batch.py {USERS}`, {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC, "
                  f"{os.cpu_count()} cores shared with other work, load average {load} at the end.\n\n"
                  "The machine is shared, so the server process's CPU seconds during the job are given too: users per CPU "
                  f"second x {cores} cores is the rate with the cores to itself.\n\n"
                  "| users | job seconds (creation to ACTIVE) | users/s | server CPU seconds | users/s with the cores to itself |\n"
                  f"|---|---|---|---|---|\n| {USERS:,} | {seconds:.1f} | {rate:,.0f} | {cpu:.1f} | {USERS / cpu * cores:,.0f} |\n")
        print(report)
        with open(os.path.join(ROOT, "bench/results/batch.md"), "w") as out:
            out.write(report)
    finally:
        server.kill()
        server.wait()
        shutil.rmtree(data, ignore_errors=True)


main()
