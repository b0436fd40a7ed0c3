"""The solution options Attune refuses (each with InvalidInputException naming the member and what Attune does
instead) and the ones whose meaning depends on the recipe, checked at CreateSolution against the trainer's own limits
(what DescribeAlgorithm publishes); valid ones are stored as given."""
from e2e import active_group, check, client, expect_error, run, unique, wait_for

RECIPE = "arn:aws:personalize:::recipe/"
V1, SIMS = RECIPE + "aws-user-personalization", RECIPE + "aws-sims"


def scenario():
    p = client()
    group = active_group(p, "options")

    def refused(*words, recipe=V1, **members):
        expect_error("InvalidInputException", p.create_solution, *words, name=unique("options"), datasetGroupArn=group,
                     recipeArn=recipe, **members)

    refused("performIncrementalUpdate", "request time", performIncrementalUpdate=True)
    refused("optimizationObjective", "promotions",
            solutionConfig={"optimizationObjective": {"itemAttribute": "PRICE", "objectiveSensitivity": "HIGH"}})
    refused("algorithmHyperParameters", "min_user_history_length_percentile", "bptt",
            solutionConfig={"algorithmHyperParameters": {"min_user_history_length_percentile": "0.1"}})
    refused("algorithmHyperParameters", "bptt", "[1, 32]", solutionConfig={"algorithmHyperParameters": {"training.bptt": "99"}})
    refused("featureTransformationParameters", "event_value_weighting",
            solutionConfig={"featureTransformationParameters": {"event_value_weighting": "cubic"}})
    refused("min_cointeraction_count", recipe=SIMS, solutionConfig={"algorithmHyperParameters": {"min_cointeraction_count": "11"}})
    refused("hpoConfig", "hidden_size", performHPO=True, solutionConfig={"hpoConfig": {"algorithmHyperParameterRanges": {
        "integerHyperParameterRanges": [{"name": "hidden_size", "minValue": 1, "maxValue": 4}]}}})
    refused("transition_decay", "[0, 1]", performHPO=True, solutionConfig={"hpoConfig": {"algorithmHyperParameterRanges": {
        "continuousHyperParameterRanges": [{"name": "transition_decay", "minValue": 0.1, "maxValue": 3}]}}})
    refused("model", "deep", performHPO=True, solutionConfig={"hpoConfig": {"algorithmHyperParameterRanges": {
        "categoricalHyperParameterRanges": [{"name": "model", "values": ["ease", "deep"]}]}}})
    refused("trainingDataConfig", "ACTIONS", solutionConfig={"trainingDataConfig": {"excludedDatasetColumns": {"ACTIONS": ["X"]}}})
    refused("trainingDataConfig", "ITEMS", solutionConfig={"trainingDataConfig": {
        "includedDatasetColumns": {"ITEMS": ["GENRES"]}, "excludedDatasetColumns": {"ITEMS": ["TITLE"]}}})

    config = {"algorithmHyperParameters": {"training.bptt": "5", "recency_mask": "false", "context_weight": "0.25"},
              "featureTransformationParameters": {"event_value_weighting": "log"},
              "trainingDataConfig": {"excludedDatasetColumns": {"INTERACTIONS": ["DEVICE"], "ITEMS": ["GENRES"]}}}
    arn = p.create_solution(name=unique("options"), datasetGroupArn=group, recipeArn=V1, solutionConfig=config)["solutionArn"]
    solution, _ = wait_for(lambda: p.describe_solution(solutionArn=arn)["solution"], "ACTIVE")
    check(solution["solutionConfig"] == config, f"stored config {solution['solutionConfig']}")
    update = p.update_solution(solutionArn=arn, performIncrementalUpdate=False, performAutoTraining=False)
    check(update["solutionArn"] == arn, f"update {update}")
    expect_error("InvalidInputException", p.update_solution, "performIncrementalUpdate", solutionArn=arn, performIncrementalUpdate=True)
    # Personalize's v2 name for recency weighting is accepted by the v2 recipes only.
    p.create_solution(name=unique("options"), datasetGroupArn=group, recipeArn=V1 + "-v2",
                      solutionConfig={"algorithmHyperParameters": {"apply_recency_bias": "false"}})
    refused("apply_recency_bias", solutionConfig={"algorithmHyperParameters": {"apply_recency_bias": "false"}})


run(scenario)
