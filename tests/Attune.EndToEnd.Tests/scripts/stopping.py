"""StopSolutionVersionCreation: a pending version stops at once, a training one goes CREATE STOPPING → CREATE STOPPED
within seconds, ACTIVE and STOPPED versions cannot be stopped, and the solution trains again afterwards.
argv[2] = object root."""
import os
import shutil
import sys
import time

from e2e import check, client, delete_group_with_datasets, expect_error, run, unique
from training_setup import (active_solution, delete_solution, generated_rows, group_with_interactions, raw_version,
                            train, write_rows)

OBJECT_ROOT = sys.argv[2]
RECIPE = "arn:aws:personalize:::recipe/aws-user-personalization"
# 20 EASE fits over 3,000 items: long enough to be caught in progress.
SLOW_HPO = {"hpoConfig": {
    "hpoResourceConfig": {"maxNumberOfTrainingJobs": "20"},
    "algorithmHyperParameterRanges": {"continuousHyperParameterRanges": [{"name": "lambda", "minValue": 50, "maxValue": 2000}]}}}
STOPPING = ("CREATE PENDING", "CREATE IN_PROGRESS", "CREATE STOPPING")


def wait_stopped(arn, timeout=30):
    """Polls until CREATE STOPPED; returns the statuses seen. Anything else than the stopping chain fails."""
    seen, deadline = [], time.time() + timeout
    while True:
        version = raw_version(arn)
        if not seen or seen[-1] != version["status"]:
            seen.append(version["status"])
        if version["status"] == "CREATE STOPPED":
            return seen
        check(version["status"] in STOPPING, f"a stopped version went {seen}: {version}")
        check(time.time() < deadline, f"still {seen[-1]} {timeout} s after the stop (seen {seen})")
        time.sleep(0.05)


def wait_training(arn, timeout=60):
    """Polls until the version is CREATE IN_PROGRESS past its first progress report; returns that progress."""
    deadline = time.time() + timeout
    while True:
        version = raw_version(arn)
        if version["status"] == "CREATE IN_PROGRESS" and version["trainingProgress"]["percent"] > 0:
            return version["trainingProgress"]
        check(version["status"] in ("CREATE PENDING", "CREATE IN_PROGRESS"), f"never seen training: {version}")
        check(time.time() < deadline, f"not training after {timeout} s: {version}")
        time.sleep(0.05)


def scenario():
    p = client()
    folder = os.path.join(OBJECT_ROOT, unique("stopping"))
    path = os.path.join(folder, "interactions.csv")
    write_rows(path, generated_rows(users=3_000, items_per_user=40, clusters=30, cluster_items=100))
    group = group_with_interactions(p, path, "stopping")[0]
    slow = active_solution(p, group, "stopping-hpo", recipeArn=RECIPE, performHPO=True, solutionConfig=SLOW_HPO)

    pending = p.create_solution_version(solutionArn=slow)["solutionVersionArn"]
    p.stop_solution_version_creation(solutionVersionArn=pending)
    seen = wait_stopped(pending)
    print(f"stopped right after create: {seen}")

    running = p.create_solution_version(solutionArn=slow)["solutionVersionArn"]
    progress = wait_training(running)
    expect_error("ResourceInUseException", p.delete_solution, running, solutionArn=slow)
    stopped_at = time.time()
    p.stop_solution_version_creation(solutionVersionArn=running)
    check(raw_version(running)["status"] in ("CREATE STOPPING", "CREATE STOPPED"), "status right after the stop")
    seen = wait_stopped(running)
    print(f"stopped in progress at {progress}: {seen}, settled {time.time() - stopped_at:.2f} s after the stop")
    check(seen[0] in ("CREATE STOPPING", "CREATE STOPPED"), f"after the stop: {seen}")
    version = p.describe_solution_version(solutionVersionArn=running)["solutionVersion"]
    check("tunedHPOParams" not in version, f"a stopped version reports tuned values: {version}")

    for arn in (pending, running):
        expect_error("ResourceInUseException", p.stop_solution_version_creation, "CREATE STOPPED", solutionVersionArn=arn)
        expect_error("ResourceInUseException", p.get_solution_metrics, solutionVersionArn=arn)
    listed = p.list_solution_versions(solutionArn=slow)["solutionVersions"]
    check(sorted(v["status"] for v in listed) == ["CREATE STOPPED"] * 2, f"listed {listed}")

    fast = active_solution(p, group, "stopping-fast", recipeArn="arn:aws:personalize:::recipe/aws-popularity-count")
    active = train(p, fast)[0]["solutionVersionArn"]
    expect_error("ResourceInUseException", p.stop_solution_version_creation, "ACTIVE", solutionVersionArn=active)
    expect_error("ResourceNotFoundException", p.stop_solution_version_creation, solutionVersionArn=active + "0")
    # A stopped solution trains again.
    train(p, fast)
    for solution in (slow, fast):
        delete_solution(p, solution)
    delete_group_with_datasets(p, group)
    shutil.rmtree(folder)


run(scenario)
