"""DescribeAlgorithm and DescribeFeatureTransformation for every ARN that DescribeRecipe shows."""
from e2e import check, client, expect_error, list_all, run

RANGE_KINDS = ("integerHyperParameterRanges", "continuousHyperParameterRanges", "categoricalHyperParameterRanges")


def check_algorithm(p, recipe):
    algorithm = p.describe_algorithm(algorithmArn=recipe["algorithmArn"])["algorithm"]
    check(algorithm["algorithmArn"] == recipe["algorithmArn"], f"{recipe['name']}: {algorithm}")
    check(algorithm["name"] == recipe["algorithmArn"].rsplit("/", 1)[1], f"{recipe['name']}: name {algorithm['name']}")
    check(algorithm["algorithmImage"]["name"] and algorithm["algorithmImage"]["dockerURI"], f"image {algorithm}")
    check(algorithm["trainingInputMode"] == "File" and algorithm["roleArn"].startswith("arn:aws:iam::"), f"{algorithm}")
    check(algorithm["creationDateTime"] <= algorithm["lastUpdatedDateTime"], f"dates {algorithm}")
    check(int(algorithm["defaultResourceConfig"]["maxNumberOfTrainingJobs"]) >= 1, f"resource config {algorithm}")
    defaults = algorithm["defaultHyperParameters"]
    ranges = algorithm["defaultHyperParameterRanges"]
    for kind in RANGE_KINDS:
        for entry in ranges[kind]:
            check(entry["name"] in defaults and isinstance(entry["isTunable"], bool), f"{recipe['name']}: range {entry}")
            if kind == "categoricalHyperParameterRanges":
                check(defaults[entry["name"]] in entry["values"], f"{recipe['name']}: default outside {entry}")
            else:
                check(entry["minValue"] <= float(defaults[entry["name"]]) <= entry["maxValue"], f"{recipe['name']}: default outside {entry}")
    return algorithm


def scenario():
    p = client()
    transformations = {}
    for summary in list_all(p.list_recipes, "recipes", 5):
        recipe = p.describe_recipe(recipeArn=summary["recipeArn"])["recipe"]
        check_algorithm(p, recipe)
        if "featureTransformationArn" in recipe:
            arn = recipe["featureTransformationArn"]
            transformation = p.describe_feature_transformation(featureTransformationArn=arn)["featureTransformation"]
            check(transformation["featureTransformationArn"] == arn and transformation["name"] == arn.rsplit("/", 1)[1],
                  f"{recipe['name']}: {transformation}")
            check(transformation["status"] == "ACTIVE" and isinstance(transformation["defaultParameters"], dict), f"{transformation}")
            transformations[arn] = transformation
    check(len(transformations) >= 1, "no recipe names a feature transformation")

    # The personalization algorithm publishes the trainer's real defaults and ranges, HPO's search marked tunable.
    personalization = p.describe_algorithm(algorithmArn="arn:aws:personalize:::algorithm/aws-user-personalization")["algorithm"]
    check(personalization["defaultHyperParameters"]["bptt"] == "3", f"bptt default {personalization['defaultHyperParameters']}")
    integers = {r["name"]: r for r in personalization["defaultHyperParameterRanges"]["integerHyperParameterRanges"]}
    check(integers["bptt"]["minValue"] == 1 and integers["bptt"]["maxValue"] == 32, f"bptt range {integers['bptt']}")
    continuous = {r["name"]: r for r in personalization["defaultHyperParameterRanges"]["continuousHyperParameterRanges"]}
    check(continuous["lambda"]["isTunable"] and not continuous["transition_decay"]["isTunable"], f"tunable {continuous}")
    trending = p.describe_algorithm(algorithmArn="arn:aws:personalize:::algorithm/aws-trending-now-custom")["algorithm"]
    check("trend_discovery_frequency" not in trending["defaultHyperParameters"], "featurization belongs to no algorithm")
    sims = transformations["arn:aws:personalize:::feature-transformation/sims"]
    check(sims["defaultParameters"].get("event_value_weighting") == "none", f"sims featurization {sims}")

    for missing in ("arn:aws:personalize:::algorithm/aws-nothing", "arn:aws:personalize:::feature-transformation/nothing"):
        call = p.describe_algorithm if ":algorithm/" in missing else p.describe_feature_transformation
        member = "algorithmArn" if ":algorithm/" in missing else "featureTransformationArn"
        expect_error("ResourceNotFoundException", call, missing, **{member: missing})
    expect_error("InvalidInputException", p.describe_algorithm, "algorithmArn", algorithmArn="not an arn")


run(scenario)
