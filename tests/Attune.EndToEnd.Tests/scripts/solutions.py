"""CreateSolution, DescribeSolution, ListSolutions, UpdateSolution, DeleteSolution: request validation, duplicates,
scoped paging, latestSolutionUpdate, deleting a solution with its versions, and the group's delete order.
argv[2] = object root."""
import os
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor

from botocore.exceptions import ClientError
from e2e import (ARN_PREFIX, check, check_chain, check_timestamps, client, delete_group_with_datasets, expect_error,
                 list_all, run, unique, wait_for, wait_gone, went_first)
from training_setup import active_solution, delete_solution, generated_rows, group_with_interactions, train, write_rows

OBJECT_ROOT = sys.argv[2]
RECIPE = "arn:aws:personalize:::recipe/"
V1, V2, SIMS = RECIPE + "aws-user-personalization", RECIPE + "aws-user-personalization-v2", RECIPE + "aws-sims"
EVENTS = {"eventParametersList": [{"eventType": "buy", "eventValueThreshold": 2.0, "weight": 1.0},
                                  {"eventType": "click", "weight": 0.3}]}


def refused_on_pending_group(p):
    """A group still CREATE PENDING refuses solutions. It settles within milliseconds, so the create may find it
    ACTIVE already: then the solution must be accepted and the group must indeed be ACTIVE."""
    pending = p.create_dataset_group(name=unique("solutions-pending"))["datasetGroupArn"]
    try:
        created = p.create_solution(name=unique("sol"), datasetGroupArn=pending, recipeArn=V1)["solutionArn"]
    except ClientError as error:
        check(error.response["Error"]["Code"] == "ResourceInUseException", f"on a pending group: {error}")
        created = None
    if created:
        check(p.describe_dataset_group(datasetGroupArn=pending)["datasetGroup"]["status"] == "ACTIVE", "pending group")
        wait_for(lambda: p.describe_solution(solutionArn=created)["solution"], "ACTIVE")
        delete_solution(p, created)
    wait_for(lambda: p.describe_dataset_group(datasetGroupArn=pending)["datasetGroup"], "ACTIVE")
    p.delete_dataset_group(datasetGroupArn=pending)


def validation(p, group):
    create = p.create_solution
    expect_error("InvalidInputException", create, "recipeArn", name=unique("sol"), datasetGroupArn=group)
    expect_error("InvalidInputException", create, "recipeArn", name=unique("sol"), datasetGroupArn=group,
                 recipeArn=V1, performAutoML=True, solutionConfig={"autoMLConfig": {"recipeList": [V1]}})
    expect_error("InvalidInputException", create, "recipeList", name=unique("sol"), datasetGroupArn=group,
                 performAutoML=True)
    expect_error("ResourceNotFoundException", create, "aws-no-such-recipe", name=unique("sol"), datasetGroupArn=group,
                 recipeArn=RECIPE + "aws-no-such-recipe")
    expect_error("ResourceNotFoundException", create, "aws-nope", name=unique("sol"), datasetGroupArn=group,
                 performAutoML=True, solutionConfig={"autoMLConfig": {"recipeList": [V1, RECIPE + "aws-nope"]}})
    expect_error("InvalidInputException", create, "eventsConfig", name=unique("sol"), datasetGroupArn=group,
                 recipeArn=V1, solutionConfig={"eventsConfig": EVENTS})
    expect_error("InvalidInputException", create, "eventValueThreshold", name=unique("sol"), datasetGroupArn=group,
                 recipeArn=V1, solutionConfig={"eventValueThreshold": "lots"})
    expect_error("ResourceNotFoundException", create, name=unique("sol"), datasetGroupArn=group + "-missing",
                 recipeArn=V1)
    expect_error("ResourceNotFoundException", p.describe_solution, solutionArn=group.replace("dataset-group", "solution"))


def listing(p, group, other_group, prefix):
    arns = [p.create_solution(name=f"{prefix}-{i}", datasetGroupArn=group, recipeArn=SIMS)["solutionArn"]
            for i in range(5)]
    for index, arn in enumerate(arns):
        check(arn == f"{ARN_PREFIX}{arn.split(':')[4]}:solution/{prefix}-{index}", f"solution ARN {arn}")
    solution, seen = wait_for(lambda: p.describe_solution(solutionArn=arns[0])["solution"], "ACTIVE")
    check_chain(seen, "ACTIVE")
    check_timestamps(solution)
    check(solution["recipeArn"] == SIMS and solution["datasetGroupArn"] == group, f"described {solution}")
    check(solution["performHPO"] is False and solution["performAutoML"] is False, f"flags {solution}")
    check("latestSolutionVersion" not in solution, f"a solution without versions names one: {solution}")
    expect_error("ResourceAlreadyExistsException", p.create_solution, f"{prefix}-0", name=f"{prefix}-0",
                 datasetGroupArn=group, recipeArn=SIMS)
    elsewhere = active_solution(p, other_group, prefix + "-elsewhere", recipeArn=SIMS)

    listed = list_all(p.list_solutions, "solutions", 2, datasetGroupArn=group)
    check(sorted(s["solutionArn"] for s in listed) == sorted(arns), f"scoped list {listed}")
    check(all(s["recipeArn"] == SIMS and "status" in s and "creationDateTime" in s for s in listed), f"summaries {listed}")
    everything = {s["solutionArn"] for s in list_all(p.list_solutions, "solutions", 3)}
    check(set(arns) | {elsewhere} <= everything, "the unscoped list misses solutions")
    expect_error("ResourceNotFoundException", p.list_solutions, datasetGroupArn=group + "-missing")
    for arn in arns + [elsewhere]:
        wait_for(lambda: p.describe_solution(solutionArn=arn)["solution"], "ACTIVE")
        delete_solution(p, arn)
    check(list_all(p.list_solutions, "solutions", 10, datasetGroupArn=group) == [], "deleted solutions still listed")


def updates(p, group):
    arn = active_solution(p, group, "sol-v2", recipeArn=V2, performAutoTraining=False)
    check(p.describe_solution(solutionArn=arn)["solution"]["performAutoTraining"] is False, "performAutoTraining False")
    p.update_solution(solutionArn=arn, performAutoTraining=True,
                      solutionUpdateConfig={"autoTrainingConfig": {"schedulingExpression": "rate(7 days)"},
                                            "eventsConfig": EVENTS})
    solution = p.describe_solution(solutionArn=arn)["solution"]
    update = solution["latestSolutionUpdate"]
    check(solution["performAutoTraining"] is True and update["performAutoTraining"] is True, f"after update {solution}")
    check(update["status"] == "ACTIVE", f"latestSolutionUpdate {update}")
    check(update["solutionUpdateConfig"]["eventsConfig"] == EVENTS, f"update eventsConfig {update}")
    check(solution["solutionConfig"]["eventsConfig"] == EVENTS, f"solutionConfig after update {solution}")
    check(update["solutionUpdateConfig"]["autoTrainingConfig"]["schedulingExpression"] == "rate(7 days)", f"{update}")
    # Concurrent updates: each answered 200 wrote over the record it read, the others were told ResourceInUseException;
    # what is left is one winner's schedule.
    days = list(range(1, 9))
    with ThreadPoolExecutor(len(days)) as pool:
        won = list(pool.map(lambda d: went_first(p.update_solution, solutionArn=arn, solutionUpdateConfig={
            "autoTrainingConfig": {"schedulingExpression": f"rate({d} days)"}}), days))
    check(any(won), "no concurrent update succeeded")
    final = p.describe_solution(solutionArn=arn)["solution"]["solutionConfig"]["autoTrainingConfig"]["schedulingExpression"]
    check(final in [f"rate({d} days)" for d, ok in zip(days, won) if ok], f"concurrent updates: {won} answered, left {final}")
    v1 = active_solution(p, group, "sol-v1", recipeArn=V1)
    expect_error("InvalidInputException", p.update_solution, "eventsConfig", solutionArn=v1,
                 solutionUpdateConfig={"eventsConfig": EVENTS})
    expect_error("ResourceNotFoundException", p.update_solution, solutionArn=v1 + "-missing", performAutoTraining=False)
    return arn, v1


def delete_with_versions(p, group, solution_arn):
    version = train(p, solution_arn)[0]["solutionVersionArn"]
    described = p.describe_solution(solutionArn=solution_arn)["solution"]
    check(described["latestSolutionVersion"]["solutionVersionArn"] == version, f"latestSolutionVersion {described}")
    expect_error("ResourceInUseException", p.delete_dataset_group, solution_arn, datasetGroupArn=group)
    delete_solution(p, solution_arn)
    expect_error("ResourceNotFoundException", p.describe_solution_version, solutionVersionArn=version)
    expect_error("ResourceNotFoundException", p.list_solution_versions, solutionArn=solution_arn)
    expect_error("ResourceNotFoundException", p.delete_solution, solutionArn=solution_arn)


def scenario():
    p = client()
    folder = os.path.join(OBJECT_ROOT, unique("solutions"))
    path = os.path.join(folder, "interactions.csv")
    write_rows(path, generated_rows(users=60, items_per_user=12))
    group, _, _ = group_with_interactions(p, path, "solutions")
    other_group = group_with_interactions(p, path, "solutions-other")[0]

    refused_on_pending_group(p)
    validation(p, group)
    listing(p, group, other_group, unique("sol"))
    v2, v1 = updates(p, group)
    delete_with_versions(p, group, v2)
    delete_solution(p, v1)
    for group_arn in (group, other_group):
        delete_group_with_datasets(p, group_arn)
        wait_gone(lambda: p.describe_dataset_group(datasetGroupArn=group_arn)["datasetGroup"])
    shutil.rmtree(folder)


run(scenario)
