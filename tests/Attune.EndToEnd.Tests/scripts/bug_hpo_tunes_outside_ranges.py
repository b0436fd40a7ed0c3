"""Server bug: HPO's first job runs the recipe's defaults even when they lie outside algorithmHyperParameterRanges,
and when it wins, tunedHPOParams reports a value the user excluded (recency_half_life 20 for the range 30..80,
transition_weight 0.3 for 0.5..2). Personalize only tries values inside the ranges. argv[2] = object root."""
import os
import shutil
import sys

from e2e import check, client, delete_group_with_datasets, run, unique
from training_setup import active_solution, delete_solution, generated_rows, group_with_interactions, train, write_rows

OBJECT_ROOT = sys.argv[2]
RANGES = {"integerHyperParameterRanges": [{"name": "recency_half_life", "minValue": 30, "maxValue": 80}],
          "continuousHyperParameterRanges": [{"name": "transition_weight", "minValue": 0.5, "maxValue": 2.0}]}


def scenario():
    p = client()
    folder = os.path.join(OBJECT_ROOT, unique("bug-hpo"))
    path = os.path.join(folder, "interactions.csv")
    write_rows(path, generated_rows(users=100, items_per_user=10))
    group = group_with_interactions(p, path, "bug-hpo")[0]
    solution = active_solution(p, group, "bug-hpo", recipeArn="arn:aws:personalize:::recipe/aws-user-personalization",
                               performHPO=True, solutionConfig={"hpoConfig": {
                                   "hpoResourceConfig": {"maxNumberOfTrainingJobs": "2"},
                                   "algorithmHyperParameterRanges": RANGES}})
    tuned = train(p, solution)[0]["tunedHPOParams"]["algorithmHyperParameters"]
    delete_solution(p, solution)
    delete_group_with_datasets(p, group)
    shutil.rmtree(folder)
    check(30 <= int(tuned["recency_half_life"]) <= 80 and 0.5 <= float(tuned["transition_weight"]) <= 2.0,
          f"tunedHPOParams {tuned} lie outside the requested ranges {RANGES}")


run(scenario)
