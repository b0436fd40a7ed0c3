"""Server bug: an ACTIVE solution version's trainingProgress keeps its last throttled report (popularity-count on
generated data shows {"percent": 0, "stage": "splitting"}) instead of {"percent": 100, "stage": "done"}: the
progress writer drops reports within 500 ms of the previous one, the final one included. argv[2] = object root."""
import os
import shutil
import sys

from e2e import check, client, delete_group_with_datasets, run, unique
from training_setup import active_solution, delete_solution, generated_rows, group_with_interactions, train, write_rows

OBJECT_ROOT = sys.argv[2]


def scenario():
    p = client()
    folder = os.path.join(OBJECT_ROOT, unique("bug-progress"))
    path = os.path.join(folder, "interactions.csv")
    write_rows(path, generated_rows(users=100, items_per_user=10))
    group = group_with_interactions(p, path, "bug-progress")[0]
    solution = active_solution(p, group, "bug-progress", recipeArn="arn:aws:personalize:::recipe/aws-popularity-count")
    version = train(p, solution)[0]
    delete_solution(p, solution)
    delete_group_with_datasets(p, group)
    shutil.rmtree(folder)
    check(version["trainingProgress"] == {"percent": 100, "stage": "done"},
          f"an ACTIVE version reports trainingProgress {version['trainingProgress']}, want 100 / done")


run(scenario)
