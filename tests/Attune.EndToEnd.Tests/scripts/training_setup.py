"""Helpers for the solution and training scenarios: groups filled from files in the object root (argv[2]), solutions that
wait for ACTIVE, and solution versions trained to their end with the raw trainingProgress seen on the way."""
import os
import random
import shutil
import sys

from e2e import (INTERACTIONS_SCHEMA, active_dataset, active_group, check, check_chain, delete_group_with_datasets, raw,
                 unique, wait_for, wait_gone)

METRIC_KEYS = {"coverage", "mean_reciprocal_rank_at_25", "normalized_discounted_cumulative_gain_at_5",
               "normalized_discounted_cumulative_gain_at_10", "normalized_discounted_cumulative_gain_at_25",
               "precision_at_5", "precision_at_10", "precision_at_25"}
MINIMUM_DATA = "Dataset has fewer than 1 users with at least 2 interactions each"


def write_rows(path, rows):
    """Writes an interactions CSV of (user, item, timestamp, event type, event value) rows."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n")
        out.writelines(f"{u},{i},{t},{e},{v}\n" for u, i, t, e, v in rows)


def generated_rows(users, items_per_user, clusters=10, cluster_items=40):
    """Deterministic interactions: users of a cluster click items of that cluster's catalogue slice in their own
    shuffled order, so held-out items are predictable from the other users. Every third event is a 'buy'."""
    rows = []
    for user in range(users):
        cluster = user % clusters
        picks = random.Random(user).sample(range(cluster_items), items_per_user)
        for step, pick in enumerate(picks):
            rows.append((f"u{user}", f"i{cluster * cluster_items + pick}", 1_700_000_000 + user * 1_000 + step,
                         "buy" if step % 3 == 0 else "click", 1 + (user + step) % 5))
    return rows


def object_location(path):
    """The s3:// location of a file under the object root (argv[2] of every script that imports from here): the
    server reads file:// locations only when started with --allow-file-imports."""
    key = os.path.relpath(path, sys.argv[2])
    check(not key.startswith(".."), f"{path} is not under the object root {sys.argv[2]}")
    return "s3://" + key.replace(os.sep, "/")


def import_file(p, dataset_arn, path, final="ACTIVE"):
    arn = p.create_dataset_import_job(jobName=unique("training-import"), datasetArn=dataset_arn,
                                      dataSource={"dataLocation": object_location(path)})["datasetImportJobArn"]
    return wait_for(lambda: p.describe_dataset_import_job(datasetImportJobArn=arn)["datasetImportJob"], final,
                    timeout=120)[0]


def group_with_interactions(p, path, prefix):
    """An ACTIVE group whose Interactions dataset holds the file at path; returns (group ARN, dataset ARN, schema ARN)."""
    group = active_group(p, prefix)
    dataset, schema = active_dataset(p, group, "Interactions", INTERACTIONS_SCHEMA, prefix + "-interactions")
    import_file(p, dataset, path)
    return group, dataset, schema


def active_solution(p, group_arn, prefix, **kwargs):
    arn = p.create_solution(name=unique(prefix), datasetGroupArn=group_arn, **kwargs)["solutionArn"]
    wait_for(lambda: p.describe_solution(solutionArn=arn)["solution"], "ACTIVE")
    return arn


def raw_version(arn):
    status, payload = raw("DescribeSolutionVersion", {"solutionVersionArn": arn})
    check(status == 200, f"raw DescribeSolutionVersion {arn}: {status} {payload}")
    return payload["solutionVersion"]


def train(p, solution_arn, final="ACTIVE", timeout=120, **kwargs):
    """Creates a version and polls the raw Describe until it settles; returns (version, statuses, progress seen)."""
    arn = p.create_solution_version(solutionArn=solution_arn, **kwargs)["solutionVersionArn"]
    check(arn.startswith(solution_arn + "/"), f"version ARN {arn} is not under {solution_arn}")
    progress = []

    def describe():
        version = raw_version(arn)
        check("trainingProgress" in version, f"raw Describe lacks trainingProgress: {version}")
        progress.append((version["status"], version["trainingProgress"]["percent"], version["trainingProgress"]["stage"]))
        return version

    version, seen = wait_for(describe, final, timeout=timeout)
    check_chain(seen, final)
    percents = [percent for _, percent, _ in progress]
    check(percents == sorted(percents), f"trainingProgress went backwards: {progress}")
    return version, seen, progress


def deployed_campaign(p, group_arn, prefix, **solution):
    """A user-personalization solution of the group, one trained version and an ACTIVE campaign on it; returns the
    campaign ARN."""
    solution_arn = active_solution(p, group_arn, prefix, performAutoTraining=False,
                                   recipeArn="arn:aws:personalize:::recipe/aws-user-personalization", **solution)
    version = train(p, solution_arn, timeout=180)[0]["solutionVersionArn"]
    campaign = p.create_campaign(name=unique(prefix), solutionVersionArn=version)["campaignArn"]
    wait_for(lambda: p.describe_campaign(campaignArn=campaign)["campaign"], "ACTIVE", timeout=120)
    return campaign


def check_metrics(p, version_arn):
    metrics = p.get_solution_metrics(solutionVersionArn=version_arn)
    check(metrics["solutionVersionArn"] == version_arn, f"metrics of {metrics['solutionVersionArn']}")
    values = metrics["metrics"]
    check(set(values) == METRIC_KEYS, f"metric keys {sorted(values)}, want {sorted(METRIC_KEYS)}")
    check(all(0 <= v <= 1 for v in values.values()), f"metrics outside [0,1]: {values}")
    return values


def delete_solution(p, solution_arn):
    p.delete_solution(solutionArn=solution_arn)
    wait_gone(lambda: p.describe_solution(solutionArn=solution_arn)["solution"])


def train_on_generated(p, object_root, prefix, users=100, **solution):
    """Trains one version of a solution (created with the given members) on generated data in a fresh group, then
    deletes everything; returns the settled raw version."""
    folder = os.path.join(object_root, unique(prefix))
    path = os.path.join(folder, "interactions.csv")
    write_rows(path, generated_rows(users=users, items_per_user=10))
    group = group_with_interactions(p, path, prefix)[0]
    solution_arn = active_solution(p, group, prefix, **solution)
    version = train(p, solution_arn)[0]
    delete_solution(p, solution_arn)
    delete_group_with_datasets(p, group)
    shutil.rmtree(folder)
    return version
