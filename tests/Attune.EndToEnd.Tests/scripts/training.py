"""CreateSolutionVersion / Describe / List and GetSolutionMetrics for every recipe on ml-latest-small: status chain,
trainingProgress, Personalize's metric keys, popularity-count against the reference figures, trainingMode UPDATE
rules, HPO (tunedHPOParams), AutoML (autoMLResult), event filtering and the minimum-data failure.
argv[2] = object root, argv[3] = the repository's data folder."""
import os
import shutil
import sys

from e2e import (ITEMS_SCHEMA, active_dataset, check, client, delete_group_with_datasets, expect_error, list_all, run,
                 unique, wait_for)
from training_setup import (MINIMUM_DATA, active_solution, check_metrics, delete_solution, generated_rows,
                            group_with_interactions, import_file, raw_version, train, write_rows)

OBJECT_ROOT, DATA = sys.argv[2], os.path.join(sys.argv[3], "ml-latest-small")
RECIPE = "arn:aws:personalize:::recipe/"
POPULARITY, USER_PERSONALIZATION = RECIPE + "aws-popularity-count", RECIPE + "aws-user-personalization"
# The ml-latest-small popularity row of data/README.md (the offline protocol), to the 4th decimal.
POPULARITY_REFERENCE = {"normalized_discounted_cumulative_gain_at_10": 0.0449,
                        "normalized_discounted_cumulative_gain_at_25": 0.0526, "precision_at_10": 0.0313,
                        "mean_reciprocal_rank_at_25": 0.0937, "coverage": 0.0149}
HPO_RANGES = {"integerHyperParameterRanges": [{"name": "recency_half_life", "minValue": 5, "maxValue": 80}],
              "continuousHyperParameterRanges": [{"name": "transition_weight", "minValue": 0.05, "maxValue": 2.0}],
              "categoricalHyperParameterRanges": [{"name": "model", "values": ["ease", "item_knn"]}]}


def every_recipe(p, group):
    """One solution and one version per custom item recipe of ListRecipes (domain use cases are for recommenders;
    aws-next-best-action trains on action datasets, which this group has not: scripts/actions.py), trained together;
    returns {recipe ARN: (solution, version)}."""
    recipes = [r["recipeArn"] for r in list_all(p.list_recipes, "recipes", 100)
               if "domain" not in r and p.describe_recipe(recipeArn=r["recipeArn"])["recipe"]["recipeType"] != "PERSONALIZED_ACTIONS"]
    check(POPULARITY in recipes and USER_PERSONALIZATION in recipes, f"ListRecipes: {recipes}")
    solutions = {arn: active_solution(p, group, "training-" + arn.rsplit("/", 1)[1], recipeArn=arn) for arn in recipes}
    trained = {}
    for recipe, solution in solutions.items():
        version, _, progress = train(p, solution, timeout=180)
        check(version["recipeArn"] == recipe and version["trainingMode"] == "FULL", f"{recipe}: {version}")
        check("failureReason" not in version, f"ACTIVE version has failureReason: {version}")
        trained[recipe] = (solution, version["solutionVersionArn"])
        stages = sorted({stage for _, _, stage in progress})
        print(f"{recipe.rsplit('/', 1)[1]}: {version['lastUpdatedDateTime'] - version['creationDateTime']:.2f} s, "
              f"stages seen {stages}")
    return trained


def metrics_of_every_recipe(p, trained):
    metrics = {recipe: check_metrics(p, version) for recipe, (_, version) in trained.items()}
    popularity = metrics[POPULARITY]
    for name, reference in POPULARITY_REFERENCE.items():
        check(round(popularity[name], 4) == reference, f"popularity {name} = {popularity[name]}, reference {reference}")
    ndcg = "normalized_discounted_cumulative_gain_at_10"
    print("NDCG@10: " + ", ".join(f"{r.rsplit('/', 1)[1]} {m[ndcg]:.4f}" for r, m in metrics.items()))
    check(metrics[USER_PERSONALIZATION][ndcg] > popularity[ndcg], f"user-personalization NDCG@10 "
          f"{metrics[USER_PERSONALIZATION][ndcg]} is not above popularity's {popularity[ndcg]}")


def versions_and_modes(p, trained):
    solution, version = trained[USER_PERSONALIZATION]
    described = p.describe_solution(solutionArn=solution)["solution"]
    check(described["latestSolutionVersion"]["solutionVersionArn"] == version, f"latestSolutionVersion {described}")
    check(described["latestSolutionVersion"]["status"] == "ACTIVE", f"latestSolutionVersion {described}")
    update = train(p, solution, trainingMode="UPDATE")[0]
    check(update["trainingMode"] == "UPDATE", f"UPDATE version {update}")
    listed = list_all(p.list_solution_versions, "solutionVersions", 1, solutionArn=solution)
    check(sorted(v["solutionVersionArn"] for v in listed) == sorted([version, update["solutionVersionArn"]]), f"{listed}")
    check({v["trainingMode"] for v in listed} == {"FULL", "UPDATE"}, f"listed modes {listed}")
    everything = {v["solutionVersionArn"] for v in list_all(p.list_solution_versions, "solutionVersions", 5)}
    check({v for _, v in trained.values()} <= everything, "the unscoped list misses versions")
    for name in ("aws-user-personalization-v2", "aws-sims", "aws-popularity-count"):
        expect_error("InvalidInputException", p.create_solution_version, "UPDATE", solutionArn=trained[RECIPE + name][0],
                     trainingMode="UPDATE")
    expect_error("InvalidInputException", p.create_solution_version, "AUTOTRAIN", solutionArn=solution,
                 trainingMode="AUTOTRAIN")
    expect_error("ResourceNotFoundException", p.create_solution_version, solutionArn=solution + "-missing")
    expect_error("ResourceNotFoundException", p.describe_solution_version, solutionVersionArn=version + "0")
    expect_error("ResourceNotFoundException", p.get_solution_metrics, solutionVersionArn=version + "0")
    expect_error("ResourceNotFoundException", p.list_solution_versions, solutionArn=solution + "-missing")


def hpo_and_automl(p, group):
    hpo = active_solution(p, group, "training-hpo", recipeArn=USER_PERSONALIZATION, performHPO=True, solutionConfig={
        "hpoConfig": {"hpoObjective": {"type": "Maximize", "metricName": "normalized_discounted_cumulative_gain_at_10"},
                      "hpoResourceConfig": {"maxNumberOfTrainingJobs": "3", "maxParallelTrainingJobs": "1"},
                      "algorithmHyperParameterRanges": HPO_RANGES}})
    version_arn = p.create_solution_version(solutionArn=hpo)["solutionVersionArn"]
    # Still pending or training: no metrics yet.
    expect_error("ResourceInUseException", p.get_solution_metrics, solutionVersionArn=version_arn)
    version = wait_for(lambda: raw_version(version_arn), "ACTIVE", timeout=120)[0]
    tuned = version["tunedHPOParams"]["algorithmHyperParameters"]
    check(set(tuned) == {"recency_half_life", "transition_weight", "model"}, f"tunedHPOParams {tuned}")
    check(5 <= int(tuned["recency_half_life"]) <= 80, f"recency_half_life {tuned}")
    check(0.05 <= float(tuned["transition_weight"]) <= 2.0, f"transition_weight {tuned}")
    check(tuned["model"] in ("ease", "item_knn"), f"model {tuned}")
    check(p.describe_solution_version(solutionVersionArn=version_arn)["solutionVersion"]["tunedHPOParams"] ==
          version["tunedHPOParams"], "boto3 Describe lacks tunedHPOParams")
    print(f"HPO tuned {tuned}; NDCG@10 {check_metrics(p, version_arn)['normalized_discounted_cumulative_gain_at_10']:.4f}")

    recipe_list = [POPULARITY, USER_PERSONALIZATION]
    automl = active_solution(p, group, "training-automl", performAutoML=True, solutionConfig={
        "autoMLConfig": {"metricName": "precision_at_25", "recipeList": recipe_list}})
    train(p, automl)
    best = p.describe_solution(solutionArn=automl)["solution"]["autoMLResult"]["bestRecipeArn"]
    check(best in recipe_list, f"bestRecipeArn {best} is not one of {recipe_list}")
    # The generated users click within clusters: personalization beats popularity by far.
    check(best == USER_PERSONALIZATION, f"AutoML chose {best} on clustered data")
    print(f"AutoML chose {best}")
    for solution in (hpo, automl):
        delete_solution(p, solution)


def event_filtering(p, group):
    """The generated data has 'click' and 'buy' events with values 1..5."""
    cases = [({"eventType": "buy"}, "ACTIVE"), ({"solutionConfig": {"eventValueThreshold": "4"}}, "ACTIVE"),
             ({"eventType": "view"}, "CREATE FAILED"), ({"solutionConfig": {"eventValueThreshold": "5.5"}}, "CREATE FAILED"),
             ({"eventType": "click", "solutionConfig": {"eventValueThreshold": "9"}}, "CREATE FAILED")]
    for settings, final in cases:
        solution = active_solution(p, group, "training-events", recipeArn=USER_PERSONALIZATION, **settings)
        version = train(p, solution, final=final)[0]
        if final == "CREATE FAILED":
            check(MINIMUM_DATA in version.get("failureReason", ""), f"{settings}: failureReason {version}")
            expect_error("ResourceInUseException", p.get_solution_metrics, solutionVersionArn=version["solutionVersionArn"])
        delete_solution(p, solution)
    weighted = active_solution(p, group, "training-events-v2", recipeArn=USER_PERSONALIZATION + "-v2", solutionConfig={
        "eventsConfig": {"eventParametersList": [{"eventType": "buy", "eventValueThreshold": 6.0, "weight": 1.0}]}})
    version = train(p, weighted, final="CREATE FAILED")[0]
    check(MINIMUM_DATA in version["failureReason"], f"eventsConfig threshold above every value: {version}")
    p.update_solution(solutionArn=weighted, solutionUpdateConfig={"eventsConfig": {"eventParametersList": [
        {"eventType": "buy", "eventValueThreshold": 3.0, "weight": 1.0}, {"eventType": "click", "weight": 0.2}]}})
    train(p, weighted)
    delete_solution(p, weighted)


def minimum_data(p, folder):
    """One user with 2 interactions is enough; one with a single interaction (and others with none) is not."""
    for rows, final in (([("u1", "i1", 1_700_000_000, "click", 1), ("u2", "i1", 1_700_000_001, "click", 1)], "CREATE FAILED"),
                        ([("u1", "i1", 1_700_000_000, "click", 1), ("u1", "i2", 1_700_000_001, "click", 1)], "ACTIVE")):
        path = os.path.join(folder, unique("tiny") + ".csv")
        write_rows(path, rows)
        group = group_with_interactions(p, path, "training-tiny")[0]
        solution = active_solution(p, group, "training-tiny", recipeArn=USER_PERSONALIZATION)
        version = train(p, solution, final=final)[0]
        if final == "CREATE FAILED":
            check(MINIMUM_DATA in version["failureReason"], f"one interaction: {version}")
        delete_solution(p, solution)
        delete_group_with_datasets(p, group)


def scenario():
    p = client()
    folder = os.path.join(OBJECT_ROOT, unique("training"))
    os.makedirs(folder)
    for name in ("interactions.csv", "items.csv"):
        shutil.copyfile(os.path.join(DATA, name), os.path.join(folder, name))
    group = group_with_interactions(p, os.path.join(folder, "interactions.csv"), "training")[0]
    items = active_dataset(p, group, "Items", ITEMS_SCHEMA, "training-items")[0]
    check(import_file(p, items, os.path.join(folder, "items.csv"))["status"] == "ACTIVE", "items import")

    trained = every_recipe(p, group)
    metrics_of_every_recipe(p, trained)
    versions_and_modes(p, trained)

    generated = os.path.join(folder, "generated.csv")
    write_rows(generated, generated_rows(users=300, items_per_user=20))
    small_group = group_with_interactions(p, generated, "training-generated")[0]
    hpo_and_automl(p, small_group)
    event_filtering(p, small_group)
    minimum_data(p, folder)

    for solution, _ in trained.values():
        delete_solution(p, solution)
    for group_arn in (group, small_group):
        delete_group_with_datasets(p, group_arn)
    shutil.rmtree(folder)


run(scenario)
