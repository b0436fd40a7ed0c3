"""Once a bug: HPO's first job runs the recipe's defaults even when they lie outside algorithmHyperParameterRanges,
and when it wins, tunedHPOParams reports a value the user excluded (recency_half_life 20 for the range 30..80,
transition_weight 0.3 for 0.5..2). Personalize only tries values inside the ranges. argv[2] = object root."""
import sys

from e2e import check, client, run
from training_setup import train_on_generated

RANGES = {"integerHyperParameterRanges": [{"name": "recency_half_life", "minValue": 30, "maxValue": 80}],
          "continuousHyperParameterRanges": [{"name": "transition_weight", "minValue": 0.5, "maxValue": 2.0}]}


def scenario():
    version = train_on_generated(client(), sys.argv[2], "bug-hpo",
                                 recipeArn="arn:aws:personalize:::recipe/aws-user-personalization", performHPO=True,
                                 solutionConfig={"hpoConfig": {"hpoResourceConfig": {"maxNumberOfTrainingJobs": "2"},
                                                               "algorithmHyperParameterRanges": RANGES}})
    tuned = version["tunedHPOParams"]["algorithmHyperParameters"]
    check(30 <= int(tuned["recency_half_life"]) <= 80 and 0.5 <= float(tuned["transition_weight"]) <= 2.0,
          f"tunedHPOParams {tuned} lie outside the requested ranges {RANGES}")


run(scenario)
