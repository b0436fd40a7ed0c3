"""CreateDatasetImportJob / Describe / List: s3:// object, s3:// folder prefix, file:// refused by default, FULL and INCREMENTAL,
rowsImported against the sizes of the shipped MovieLens files, missing columns and bad rows (CREATE FAILED naming the line, nothing
committed), delete-while-importing and request errors. argv[2] = object root, argv[3] = the repository's data folder."""
import os
import shutil
import sys

from e2e import (ARN_PREFIX, INTERACTIONS_SCHEMA, ITEMS_SCHEMA, USERS_SCHEMA, active_dataset, active_group, check,
                 check_chain, client, delete_group_with_datasets, expect_error, list_all, raw, run, unique, wait_for)

OBJECT_ROOT, DATA = sys.argv[2], os.path.join(sys.argv[3], "ml-latest-small")
USERS_FILE = os.path.join(sys.argv[3], "synthetic-users", "users.csv")
INTERACTIONS, ITEMS, USERS = 100_836, 9_742, 610


def raw_job(arn):
    status, payload = raw("DescribeDatasetImportJob", {"datasetImportJobArn": arn})
    check(status == 200, f"raw DescribeDatasetImportJob: {status} {payload}")
    return payload["datasetImportJob"]


def import_job(p, dataset_arn, location, mode="FULL", final="ACTIVE"):
    """Runs one import to its end; returns (the raw job description with rowsImported, rowsImported values seen)."""
    arn = p.create_dataset_import_job(jobName=unique("imports-job"), datasetArn=dataset_arn, importMode=mode,
                                      dataSource={"dataLocation": location})["datasetImportJobArn"]
    check(arn.startswith(ARN_PREFIX) and ":dataset-import-job/imports-job-" in arn, f"job ARN {arn}")
    progress = []
    job, seen = wait_for(lambda: progress.append(raw_job(arn).get("rowsImported")) or
                         p.describe_dataset_import_job(datasetImportJobArn=arn)["datasetImportJob"], final, timeout=150)
    check_chain(seen, final)
    check(job["importMode"] == mode and job["dataSource"]["dataLocation"] == location, f"job: {job}")
    check(progress == sorted(progress), f"rowsImported went backwards: {progress}")
    return raw_job(arn), progress


def write_lines(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.writelines(lines)


def scenario():
    p = client()
    bucket = unique("imports-bucket")
    root = os.path.join(OBJECT_ROOT, bucket)
    with open(os.path.join(DATA, "interactions.csv"), encoding="utf-8") as source:
        lines = source.readlines()
    check(len(lines) == INTERACTIONS + 1, f"ml-latest-small interactions has {len(lines)} lines")
    os.makedirs(os.path.join(root, "movies"))
    shutil.copyfile(os.path.join(DATA, "interactions.csv"), os.path.join(root, "movies/interactions.csv"))
    shutil.copyfile(os.path.join(DATA, "items.csv"), os.path.join(root, "items.csv"))
    shutil.copyfile(USERS_FILE, os.path.join(root, "users.csv"))
    # A folder of three part files (each with its header): 30,000 rows; "parts-extra/" shares the prefix "parts".
    for part in range(3):
        write_lines(os.path.join(root, f"parts/part-{part}.csv"), [lines[0]] + lines[1 + part * 10_000:1 + (part + 1) * 10_000])
    write_lines(os.path.join(root, "parts-extra/more.csv"), [lines[0]] + lines[-1_000:])
    write_lines(os.path.join(root, "small.csv"), lines[:2_501])
    write_lines(os.path.join(root, "six-times.csv"), [lines[0]] + lines[1:] * 6)  # slow enough to be caught running
    broken = list(lines)
    broken[99_991] = "196,242,not-a-time,rating,3\n"  # data row 99,991 = line 99,992 counting the header
    write_lines(os.path.join(root, "broken.csv"), broken)
    write_lines(os.path.join(root, "missing-column.csv"),
                ["USER_ID,ITEM_ID,EVENT_TYPE\n"] + [f"{i},{i},rating\n" for i in range(2_000)])

    group = active_group(p, "imports")
    interactions, _ = active_dataset(p, group, "Interactions", INTERACTIONS_SCHEMA, "imports-interactions")
    items, _ = active_dataset(p, group, "Items", ITEMS_SCHEMA, "imports-items")
    users, _ = active_dataset(p, group, "Users", USERS_SCHEMA, "imports-users")

    # INCREMENTAL needs an earlier bulk import.
    expect_error("InvalidInputException", p.create_dataset_import_job, "INCREMENTAL", jobName=unique("imports-job"),
                 datasetArn=interactions, importMode="INCREMENTAL", dataSource={"dataLocation": f"s3://{bucket}/small.csv"})

    full, progress = import_job(p, interactions, f"s3://{bucket}/movies/interactions.csv")
    check(full["rowsImported"] == INTERACTIONS, f"FULL s3 object imported {full['rowsImported']}, progress {progress}")
    check("failureReason" not in full, f"ACTIVE job has failureReason: {full}")
    print(f"FULL import of {INTERACTIONS} rows took {full['lastUpdatedDateTime'] - full['creationDateTime']:.2f} s; "
          f"rowsImported polled: {sorted(set(progress))}")
    job = import_job(p, items, f"s3://{bucket}/items.csv")[0]
    check(job["rowsImported"] == ITEMS, f"items imported {job['rowsImported']}")
    job = import_job(p, users, f"s3://{bucket}/users.csv")[0]
    check(job["rowsImported"] == USERS, f"users imported {job['rowsImported']}")
    # file:// is off unless the server was started with --allow-file-imports (FileImportTests covers it on).
    expect_error("InvalidInputException", p.create_dataset_import_job, f"file://{root}/users.csv", "file:// imports are turned off",
                 jobName=unique("imports-job"), datasetArn=users, dataSource={"dataLocation": f"file://{root}/users.csv"})
    # s3:// keys cannot leave the object root.
    for location, words in ((f"s3://{bucket}/../other/users.csv", ("'..'",)), (f"s3://{bucket}//etc/passwd", ("must not start with '/'",)),
                            ("s3://a..b/users.csv", ("bucket name",))):
        expect_error("InvalidInputException", p.create_dataset_import_job, location, *words,
                     jobName=unique("imports-job"), datasetArn=users, dataSource={"dataLocation": location})

    # Folder prefixes: "parts/" is three files; "parts" also matches "parts-extra/" (S3 prefix semantics).
    job = import_job(p, interactions, f"s3://{bucket}/parts/", mode="INCREMENTAL")[0]
    check(job["rowsImported"] == 30_000, f"INCREMENTAL folder imported {job['rowsImported']}")
    job = import_job(p, interactions, f"s3://{bucket}/parts", mode="INCREMENTAL")[0]
    check(job["rowsImported"] == 31_000, f"INCREMENTAL prefix imported {job['rowsImported']}")

    # A bad row near the end fails the whole job, naming the line; nothing of it is committed.
    fresh_group = active_group(p, "imports-fresh")
    fresh, _ = active_dataset(p, fresh_group, "Interactions", INTERACTIONS_SCHEMA, "imports-fresh")
    failed = import_job(p, fresh, f"s3://{bucket}/broken.csv", final="CREATE FAILED")[0]
    print(f"bad row: {failed['failureReason']}")
    check("99992" in failed["failureReason"].replace(",", ""), f"failureReason does not name line 99992: {failed}")
    expect_error("InvalidInputException", p.create_dataset_import_job, "INCREMENTAL", jobName=unique("imports-job"),
                 datasetArn=fresh, importMode="INCREMENTAL", dataSource={"dataLocation": f"s3://{bucket}/small.csv"})
    failed = import_job(p, fresh, f"s3://{bucket}/missing-column.csv", final="CREATE FAILED")[0]
    check("TIMESTAMP" in failed["failureReason"], f"failureReason does not name TIMESTAMP: {failed}")
    failed = import_job(p, fresh, f"s3://{bucket}/nothing-here.csv", final="CREATE FAILED")[0]
    check("location" in failed["failureReason"].lower(), f"missing object: {failed}")
    # The failed bulk import into the already-filled dataset leaves its data: INCREMENTAL is still allowed there.
    import_job(p, interactions, f"s3://{bucket}/broken.csv", final="CREATE FAILED")
    job = import_job(p, interactions, f"s3://{bucket}/small.csv", mode="INCREMENTAL")[0]
    check(job["rowsImported"] == 2_500, f"INCREMENTAL after failure imported {job['rowsImported']}")
    # FULL replaces; it counts only its own rows.
    job = import_job(p, fresh, f"s3://{bucket}/small.csv")[0]
    check(job["rowsImported"] == 2_500, f"FULL small imported {job['rowsImported']}")

    # Listing: scoped by dataset, paged, with import modes and failure reasons in the summaries.
    listed = list_all(p.list_dataset_import_jobs, "datasetImportJobs", 2, datasetArn=fresh)
    check(len(listed) == 4, f"fresh dataset lists {len(listed)} jobs: {listed}")
    check(sorted(j["status"] for j in listed) == ["ACTIVE"] + ["CREATE FAILED"] * 3, f"statuses {listed}")
    check(all("failureReason" in j for j in listed if j["status"] == "CREATE FAILED"), "summaries lack failureReason")
    check(len(list_all(p.list_dataset_import_jobs, "datasetImportJobs", 3, datasetArn=interactions)) == 5, "interaction jobs")
    everything = {j["datasetImportJobArn"] for j in list_all(p.list_dataset_import_jobs, "datasetImportJobs", 100)}
    check({j["datasetImportJobArn"] for j in listed} <= everything, "unscoped list misses jobs")

    # Request errors.
    name = listed[0]["datasetImportJobArn"].rsplit("/", 1)[1]
    expect_error("ResourceAlreadyExistsException", p.create_dataset_import_job, name, jobName=name, datasetArn=fresh,
                 dataSource={"dataLocation": f"s3://{bucket}/small.csv"})
    expect_error("ResourceNotFoundException", p.create_dataset_import_job, jobName=unique("imports-job"),
                 datasetArn=fresh + "X", dataSource={"dataLocation": f"s3://{bucket}/small.csv"})
    expect_error("InvalidInputException", p.create_dataset_import_job, "dataLocation", jobName=unique("imports-job"),
                 datasetArn=fresh, dataSource={"dataLocation": "ftp://host/file.csv"})
    expect_error("ResourceNotFoundException", p.describe_dataset_import_job,
                 datasetImportJobArn=listed[0]["datasetImportJobArn"] + "X")

    # A dataset cannot be deleted or updated while an import into it runs.
    running = p.create_dataset_import_job(jobName=unique("imports-job"), datasetArn=interactions,
                                          dataSource={"dataLocation": f"s3://{bucket}/six-times.csv"})
    expect_error("ResourceInUseException", p.delete_dataset, running["datasetImportJobArn"], datasetArn=interactions)
    expect_error("ResourceInUseException", p.update_dataset, datasetArn=interactions,
                 schemaArn=p.describe_dataset(datasetArn=interactions)["dataset"]["schemaArn"])
    done = wait_for(lambda: raw_job(running["datasetImportJobArn"]), "ACTIVE", timeout=150)[0]
    check(done["rowsImported"] == 6 * INTERACTIONS, f"six-times import: {done}")
    for group_arn in (group, fresh_group):
        delete_group_with_datasets(p, group_arn)
    shutil.rmtree(root)


run(scenario)
