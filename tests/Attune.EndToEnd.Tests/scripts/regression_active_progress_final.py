"""Once a bug: an ACTIVE solution version's trainingProgress keeps its last throttled report (popularity-count on
generated data shows {"percent": 0, "stage": "splitting"}) instead of {"percent": 100, "stage": "done"}: the
progress writer drops reports within 500 ms of the previous one, the final one included. argv[2] = object root."""
import sys

from e2e import check, client, run
from training_setup import train_on_generated


def scenario():
    version = train_on_generated(client(), sys.argv[2], "bug-progress",
                                 recipeArn="arn:aws:personalize:::recipe/aws-popularity-count")
    check(version["trainingProgress"] == {"percent": 100, "stage": "done"},
          f"an ACTIVE version reports trainingProgress {version['trainingProgress']}, want 100 / done")


run(scenario)
