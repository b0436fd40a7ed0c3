"""CreateDataDeletionJob / Describe / List: users named in an s3:// CSV leave the group's data (bulk and put
interactions, Users rows) and its served models: right after COMPLETED their recommendations are popularity, the next
training does not see them (the item only they clicked, the most popular one, disappears), numDeleted counts the users
that had data, a user may come back with new events, and bad inputs end FAILED with the reason. argv[2] = object root."""
import csv
import glob
import json
import os
import sys
import time
import urllib.request

from e2e import (ARN_PREFIX, ENDPOINT, INTERACTIONS_SCHEMA, USERS_SCHEMA, active_dataset, active_group, check, client,
                 events_client, expect_error, list_all, raw, run, unique, wait_for)
from training_setup import generated_rows, write_rows

OBJECT_ROOT = sys.argv[2]
NOW = 1_700_000_000
DELETED = ["u0", "u1", "u2", "v1"]  # v1 exists only through PutEvents


def recommend(campaign, user, **extra):
    """Raw POST /recommendations, so Attune's explanation member is visible."""
    request = urllib.request.Request(ENDPOINT + "/recommendations", method="POST", headers={"Content-Type": "application/json"},
                                     data=json.dumps(dict(dict(campaignArn=campaign, userId=user, numResults=10), **extra)).encode())
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["itemList"]


def deletion(p, group, location, final="COMPLETED"):
    """Runs one data deletion job to its end; returns the raw description and the statuses seen."""
    name = unique("deletion")
    arn = p.create_data_deletion_job(jobName=name, datasetGroupArn=group, dataSource={"dataLocation": location},
                                     roleArn="arn:aws:iam::000000000000:role/deletion")["dataDeletionJobArn"]
    check(arn == f"{ARN_PREFIX}000000000000:data-deletion-job/{name}", f"deletion job ARN {arn}")
    seen, deadline = [], time.time() + 90
    while True:
        job = p.describe_data_deletion_job(dataDeletionJobArn=arn)["dataDeletionJob"]
        if not seen or seen[-1] != job["status"]:
            seen.append(job["status"])
        if job["status"] not in ("PENDING", "IN_PROGRESS"):
            break
        check(time.time() < deadline, f"deletion still {job['status']}")
        time.sleep(0.05)
    order = ["PENDING", "IN_PROGRESS", final]
    check(job["status"] == final and all(s in order for s in seen), f"deletion statuses {seen}: {job}")
    check(job["datasetGroupArn"] == group and job["dataSource"]["dataLocation"] == location, f"job: {job}")
    return raw("DescribeDataDeletionJob", {"dataDeletionJobArn": arn})[1]["dataDeletionJob"], seen


def export_rows(p, dataset, bucket, name):
    path = f"s3://{bucket}/exports/{name}/"
    arn = p.create_dataset_export_job(jobName=unique(name), datasetArn=dataset, ingestionMode="ALL", roleArn="arn:aws:iam::000000000000:role/x",
                                      jobOutput={"s3DataDestination": {"path": path}})["datasetExportJobArn"]
    wait_for(lambda: p.describe_dataset_export_job(datasetExportJobArn=arn)["datasetExportJob"], "ACTIVE")
    rows = []
    for part in sorted(glob.glob(os.path.join(OBJECT_ROOT, bucket, "exports", name, "*.csv"))):
        with open(part, encoding="utf-8", newline="") as source:
            rows.extend(list(csv.reader(source))[1:])
    return rows


def trained(p, solution, **kwargs):
    version = p.create_solution_version(solutionArn=solution, **kwargs)["solutionVersionArn"]
    wait_for(lambda: p.describe_solution_version(solutionVersionArn=version)["solutionVersion"], "ACTIVE", timeout=180)
    return version


def scenario():
    p, events = client(), events_client()
    bucket = unique("deletions")
    folder = os.path.join(OBJECT_ROOT, bucket)
    # u0-u2 also clicked "secret" 20 times each: the most popular item, seen by no one else.
    rows = generated_rows(users=60, items_per_user=10) + [
        (f"u{u}", "secret", NOW + 100_000 + u * 100 + n, "click", 1) for u in range(3) for n in range(20)]
    write_rows(os.path.join(folder, "interactions.csv"), rows)
    with open(os.path.join(folder, "users.csv"), "w", encoding="utf-8") as out:
        out.write("USER_ID,GENDER,AGE,OCCUPATION,ZIP\n" + "".join(f"u{u},F,{20 + u},other,00000\n" for u in range(60)))
    group = active_group(p, "deletions")
    interactions, _ = active_dataset(p, group, "Interactions", INTERACTIONS_SCHEMA, "deletions-interactions")
    users, _ = active_dataset(p, group, "Users", USERS_SCHEMA, "deletions-users")
    for dataset, name in ((interactions, "interactions"), (users, "users")):
        job = p.create_dataset_import_job(jobName=unique("deletions-import"), datasetArn=dataset,
                                          dataSource={"dataLocation": f"s3://{bucket}/{name}.csv"})["datasetImportJobArn"]
        wait_for(lambda: p.describe_dataset_import_job(datasetImportJobArn=job)["datasetImportJob"], "ACTIVE")
    solution = p.create_solution(name=unique("deletions"), datasetGroupArn=group, performAutoTraining=False,
                                 recipeArn="arn:aws:personalize:::recipe/aws-user-personalization")["solutionArn"]
    wait_for(lambda: p.describe_solution(solutionArn=solution)["solution"], "ACTIVE")
    first = trained(p, solution)
    campaign = p.create_campaign(name=unique("deletions"), solutionVersionArn=solution + "/$LATEST",
                                 campaignConfig={"syncWithLatestSolutionVersion": True,
                                                 "itemExplorationConfig": {"explorationWeight": "0"}})["campaignArn"]
    wait_for(lambda: p.describe_campaign(campaignArn=campaign)["campaign"], "ACTIVE", timeout=120)
    tracker = p.create_event_tracker(name=unique("deletions"), datasetGroupArn=group)["eventTrackerArn"]
    wait_for(lambda: p.describe_event_tracker(eventTrackerArn=tracker)["eventTracker"], "ACTIVE")
    tracking_id = p.describe_event_tracker(eventTrackerArn=tracker)["eventTracker"]["trackingId"]
    for user, item in (("v1", "i41"), ("v1", "i42"), ("u1", "i43"), ("u5", "i44")):
        events.put_events(trackingId=tracking_id, userId=user, sessionId="s-" + user,
                          eventList=[{"eventType": "click", "itemId": item, "sentAt": NOW + 200_000}])

    cold = [i["itemId"] for i in recommend(campaign, "nobody")]
    check(cold[0] == "secret", f"secret is the most popular item: {cold}")
    for user in DELETED:
        before = recommend(campaign, user)
        check(any(i["explanation"]["basis"] == "history" for i in before), f"{user} is personalized before: {before}")

    # The input: a header, duplicates and a user the group never saw (not counted).
    os.makedirs(os.path.join(folder, "delete"))
    with open(os.path.join(folder, "delete", "users.csv"), "w", encoding="utf-8") as out:
        out.write("USER_ID\n" + "\n".join(DELETED + ["ghost", "u0"]) + "\n")
    job, seen = deletion(p, group, f"s3://{bucket}/delete/")
    check(job["numDeleted"] == len(DELETED), f"numDeleted {job['numDeleted']}, want {len(DELETED)}: {job}")
    check(job["jobProgress"]["rowsDone"] == len(DELETED) + 1, f"jobProgress {job['jobProgress']}")
    check("failureReason" not in job and job["roleArn"].endswith("role/deletion"), f"job: {job}")
    print(f"deletion statuses {seen}, numDeleted {job['numDeleted']}")

    # At once: popularity for the deleted users (stored and live history gone), the others unchanged.
    for user in DELETED:
        after = recommend(campaign, user)
        check([i["itemId"] for i in after] == cold and all(i["explanation"]["basis"] == "popular" for i in after),
              f"{user} after deletion gets popularity: {after}")
    check(any(i["explanation"]["basis"] == "history" for i in recommend(campaign, "u5")), "u5 keeps its history")
    left = export_rows(p, interactions, bucket, "interactions-after")
    check(left and not any(r[0] in DELETED for r in left), "the export still holds deleted users' interactions")
    check(len(left) == len(rows) - sum(1 for r in rows if r[0] in DELETED) + 1, f"{len(left)} interactions left")
    check(sorted(r[0] for r in export_rows(p, users, bucket, "users-after")) == sorted(f"u{u}" for u in range(3, 60)),
          "Users rows of the deleted users remain")

    # A deleted user may come back: new events count again (an item the model knows from a kept user).
    known = next(item for user, item, *_ in rows if user == "u13")
    events.put_events(trackingId=tracking_id, userId="u1", sessionId="s-u1-again",
                      eventList=[{"eventType": "click", "itemId": known, "sentAt": NOW + 300_000}])
    again = recommend(campaign, "u1")
    check(any(i["explanation"]["basis"] == "history" for i in again), f"u1's new event counts: {again}")

    # The next training does not see them: "secret" is no longer an item at all.
    second = trained(p, solution, trainingMode="FULL")
    check(second != first, "a new version")
    deadline = time.time() + 60
    while "secret" in [i["itemId"] for i in recommend(campaign, "nobody-else")] and time.time() < deadline:
        time.sleep(0.5)
    fresh = [i["itemId"] for i in recommend(campaign, "nobody-else", numResults=100)]
    check("secret" not in fresh, f"the retrained model still knows secret: {fresh}")

    # Bad inputs fail the job with the reason.
    with open(os.path.join(folder, "no-column.csv"), "w", encoding="utf-8") as out:
        out.write("ITEM_ID\ni1\n")
    failed, _ = deletion(p, group, f"s3://{bucket}/no-column.csv", final="FAILED")
    check("USER_ID" in failed["failureReason"] and "numDeleted" not in failed, f"no USER_ID column: {failed}")
    failed, _ = deletion(p, group, f"s3://{bucket}/missing/", final="FAILED")
    check("Invalid Data location" in failed["failureReason"], f"missing input: {failed}")

    listed = list_all(p.list_data_deletion_jobs, "dataDeletionJobs", 1, datasetGroupArn=group)
    check([j["status"] for j in listed] == ["FAILED", "FAILED", "COMPLETED"], f"listed newest first: {listed}")
    check(listed[0]["creationDateTime"] >= listed[1]["creationDateTime"] >= listed[2]["creationDateTime"], f"order: {listed}")
    check(set(listed[0]) <= {"dataDeletionJobArn", "datasetGroupArn", "jobName", "status", "creationDateTime",
                              "lastUpdatedDateTime", "failureReason"}, f"summary members: {listed[0]}")
    expect_error("ResourceNotFoundException", p.describe_data_deletion_job,
                 dataDeletionJobArn=f"{ARN_PREFIX}000000000000:data-deletion-job/nothing")


if __name__ == "__main__":
    run(scenario)
