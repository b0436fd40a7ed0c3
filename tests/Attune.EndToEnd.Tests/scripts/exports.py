"""CreateDatasetExportJob / Describe / List: Interactions, Items and Users exported as BULK (import jobs), PUT (PutEvents,
PutItems, PutUsers) and ALL, each CSV read back from the object root and compared with what was imported and put; the
status chain, jobProgress, the default ingestionMode, a bad output location (CREATE FAILED with the reason), paging by
dataset. argv[2] = object root."""
import csv
import glob
import json
import os
import sys

from e2e import (ARN_PREFIX, INTERACTIONS_SCHEMA, ITEMS_SCHEMA, USERS_SCHEMA, active_dataset, active_group, check,
                 check_chain, client, events_client, expect_error, list_all, raw, run, unique, wait_for)
from training_setup import generated_rows, write_rows

OBJECT_ROOT = sys.argv[2]
NOW = 1_700_000_000


def export(p, dataset, bucket, name, mode=None, final="ACTIVE"):
    """Runs one export to its end; returns (raw description, rows of its CSV parts as lists, header)."""
    path = f"s3://{bucket}/exports/{name}/"
    args = dict(jobName=unique("export-" + name), datasetArn=dataset, roleArn="arn:aws:iam::000000000000:role/export",
                jobOutput={"s3DataDestination": {"path": path}})
    if mode:
        args["ingestionMode"] = mode
    arn = p.create_dataset_export_job(**args)["datasetExportJobArn"]
    check(arn == f"{ARN_PREFIX}000000000000:dataset-export-job/{args['jobName']}", f"export job ARN {arn}")
    job, seen = wait_for(lambda: p.describe_dataset_export_job(datasetExportJobArn=arn)["datasetExportJob"], final)
    check_chain(seen, final)
    check(job["ingestionMode"] == (mode or "PUT"), f"ingestionMode {job['ingestionMode']}, asked {mode}")
    check(job["jobOutput"]["s3DataDestination"]["path"] == path and job["roleArn"].endswith("role/export"), f"job: {job}")
    status, payload = raw("DescribeDatasetExportJob", {"datasetExportJobArn": arn})
    described = payload["datasetExportJob"]
    if final != "ACTIVE":
        return described, None, None
    check("failureReason" not in described, f"ACTIVE export has failureReason: {described}")
    parts = sorted(glob.glob(os.path.join(OBJECT_ROOT, bucket, "exports", name, "*")))
    check([os.path.basename(f) for f in parts] == [f"{args['jobName']}_1.csv"], f"export parts: {parts}")
    with open(parts[0], encoding="utf-8", newline="") as source:
        rows = list(csv.reader(source))
    check(described["jobProgress"]["rowsDone"] == len(rows) - 1, f"jobProgress {described['jobProgress']}, rows {len(rows) - 1}")
    return described, rows[1:], rows[0]


def scenario():
    p, events = client(), events_client()
    bucket = unique("exports")
    folder = os.path.join(OBJECT_ROOT, bucket)
    bulk = generated_rows(users=20, items_per_user=5)
    write_rows(os.path.join(folder, "interactions.csv"), bulk)
    items = [(f"i{n}", f"Title, {n}", "Comedy|Drama" if n % 2 else "", NOW + n) for n in range(6)]
    with open(os.path.join(folder, "items.csv"), "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["ITEM_ID", "TITLE", "GENRES", "CREATION_TIMESTAMP"])
        writer.writerows(items)
    with open(os.path.join(folder, "users.csv"), "w", encoding="utf-8") as out:
        out.write("USER_ID,GENDER,AGE,OCCUPATION,ZIP\nu0,F,30,other,00001\nu1,M,41,\"writer, \"\"poet\"\"\",00002\n")

    group = active_group(p, "exports")
    datasets = {}
    for dataset_type, schema, name in (("Interactions", INTERACTIONS_SCHEMA, "interactions"), ("Items", ITEMS_SCHEMA, "items"),
                                       ("Users", USERS_SCHEMA, "users")):
        datasets[dataset_type], _ = active_dataset(p, group, dataset_type, schema, "exports-" + name)
        job = p.create_dataset_import_job(jobName=unique("exports-import"), datasetArn=datasets[dataset_type],
                                          dataSource={"dataLocation": f"s3://{bucket}/{name}.csv"})["datasetImportJobArn"]
        wait_for(lambda: p.describe_dataset_import_job(datasetImportJobArn=job)["datasetImportJob"], "ACTIVE")

    tracker = p.create_event_tracker(name=unique("exports"), datasetGroupArn=group)["eventTrackerArn"]
    wait_for(lambda: p.describe_event_tracker(eventTrackerArn=tracker)["eventTracker"], "ACTIVE")
    tracking_id = p.describe_event_tracker(eventTrackerArn=tracker)["eventTracker"]["trackingId"]
    put = [("p1", "i3", NOW + 10, "click", 2.5), ("p1", "i4", NOW + 11, "buy", None), ("p2", "i1", NOW + 12, "click", 0.1)]
    for user, item, sent, kind, value in put:
        event = {"eventType": kind, "itemId": item, "sentAt": sent}
        if value is not None:
            event["eventValue"] = value
        events.put_events(trackingId=tracking_id, userId=user, sessionId="s-" + user, eventList=[event])
    events.put_items(datasetArn=datasets["Items"], items=[
        {"itemId": "new-1", "properties": json.dumps({"title": "New one", "genres": "Action", "creationTimestamp": NOW + 20})},
        {"itemId": "i0", "properties": json.dumps({"title": "Replaced", "creationTimestamp": NOW})}])
    events.put_users(datasetArn=datasets["Users"], users=[
        {"userId": "p1", "properties": json.dumps({"gender": "F", "age": 22, "occupation": "student", "zip": "00003"})}])

    header = ["USER_ID", "ITEM_ID", "TIMESTAMP", "EVENT_TYPE", "EVENT_VALUE"]
    expected_bulk = [[u, i, str(t), e, str(float(v))] for u, i, t, e, v in bulk]
    expected_put = [[u, i, str(t), e, "" if v is None else str(v)] for u, i, t, e, v in put]

    def values(rows):
        return [[u, i, t, e, str(float(v)) if v else ""] for u, i, t, e, v in rows]

    job, rows, got_header = export(p, datasets["Interactions"], bucket, "bulk", "BULK")
    check(got_header == header, f"header {got_header}")
    check(values(rows) == expected_bulk, f"BULK export differs from the import: {rows[:3]} vs {expected_bulk[:3]}")
    job, rows, _ = export(p, datasets["Interactions"], bucket, "put")  # PUT is the default
    check(values(rows) == expected_put, f"PUT export {rows}, put {expected_put}")
    job, rows, _ = export(p, datasets["Interactions"], bucket, "all", "ALL")
    check(values(rows) == expected_bulk + expected_put, f"ALL export: {len(rows)} rows")
    print(f"Interactions exported: BULK {len(expected_bulk)}, PUT {len(expected_put)}, ALL {len(rows)} rows")

    # Items: BULK keeps the imported rows PutItems did not replace; PUT the put ones; ALL both (entities come in the
    # order their ids first appeared in the group, the interactions' order here, so they are compared sorted).
    item_header = ["ITEM_ID", "TITLE", "GENRES", "CREATION_TIMESTAMP"]
    imported = [[i, t, g, str(c)] for i, t, g, c in items]
    _, rows, got_header = export(p, datasets["Items"], bucket, "items-bulk", "BULK")
    check(got_header == item_header and sorted(rows) == imported[1:], f"Items BULK {got_header} {rows}")
    _, rows, _ = export(p, datasets["Items"], bucket, "items-put", "PUT")
    check(sorted(rows) == [["i0", "Replaced", "", str(NOW)], ["new-1", "New one", "Action", str(NOW + 20)]], f"Items PUT {rows}")
    _, rows, _ = export(p, datasets["Items"], bucket, "items-all", "ALL")
    check(sorted(rows) == [["i0", "Replaced", "", str(NOW)]] + imported[1:] + [["new-1", "New one", "Action", str(NOW + 20)]],
          f"Items ALL {rows}")
    _, rows, _ = export(p, datasets["Users"], bucket, "users-all", "ALL")
    check(sorted(rows) == [["p1", "F", "22", "student", "00003"], ["u0", "F", "30", "other", "00001"],
                           ["u1", "M", "41", 'writer, "poet"', "00002"]], f"Users ALL (quoted fields survive) {rows}")

    # A location outside the object root is the job's failure, named in failureReason.
    failed, _, _ = export(p, datasets["Interactions"], "..", "escape", "ALL", final="CREATE FAILED")
    check("Invalid output location" in failed["failureReason"], f"failureReason: {failed}")

    listed = list_all(p.list_dataset_export_jobs, "datasetExportJobs", 2, datasetArn=datasets["Interactions"])
    check(len(listed) == 4 and all(j["status"] in ("ACTIVE", "CREATE FAILED") for j in listed), f"listed: {listed}")
    check(set(listed[0]) <= {"datasetExportJobArn", "jobName", "status", "creationDateTime", "lastUpdatedDateTime",
                              "failureReason"}, f"summary members: {listed[0]}")
    check(len(list_all(p.list_dataset_export_jobs, "datasetExportJobs", 100, datasetArn=datasets["Items"])) == 3, "items jobs")
    expect_error("ResourceNotFoundException", p.describe_dataset_export_job,
                 datasetExportJobArn=f"{ARN_PREFIX}000000000000:dataset-export-job/nothing")
    expect_error("ResourceNotFoundException", p.create_dataset_export_job, jobName=unique("export"),
                 datasetArn=f"{ARN_PREFIX}000000000000:dataset/nothing/INTERACTIONS", roleArn="arn:aws:iam::000000000000:role/x",
                 jobOutput={"s3DataDestination": {"path": f"s3://{bucket}/x/"}})


if __name__ == "__main__":
    run(scenario)
