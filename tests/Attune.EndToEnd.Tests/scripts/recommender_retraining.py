"""Recommenders retrain on their own (here every few seconds instead of 7 days): new purchases reach the best-seller
list once the next model is served, while a stopped recommender keeps its old model. argv[2] = object root."""
import os
import time

from e2e import check, client, run, unique, wait_for
from recommenders import INTERACTIONS, NOW, RECIPE, dataset, describe, imported, items_of, runtime

OBJECT_ROOT = os.sys.argv[2]


def write_purchases(folder, name, item, buyers, start):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
        out.write("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\n")
        for u in range(buyers):
            out.write(f"{item}-buyer{u},{item},{start + u},Purchase\n{item}-buyer{u},filler{u % 3},{start + u + 1},View\n")


def best_seller(r, arn):
    return items_of(r.get_recommendations(recommenderArn=arn, numResults=1))[0]


def scenario():
    p, r = client(), runtime()
    group = p.create_dataset_group(name=unique("retrain"), domain="ECOMMERCE")["datasetGroupArn"]
    wait_for(lambda: p.describe_dataset_group(datasetGroupArn=group)["datasetGroup"], "ACTIVE")
    folder = unique("retrain-data")
    write_purchases(os.path.join(OBJECT_ROOT, folder), "first.csv", "old", 20, NOW)
    write_purchases(os.path.join(OBJECT_ROOT, folder), "second.csv", "new", 60, NOW + 3600)
    interactions = dataset(p, group, "Interactions", INTERACTIONS)
    imported(p, interactions, f"s3://{folder}/first.csv")

    served = [p.create_recommender(name=unique(n), datasetGroupArn=group, recipeArn=RECIPE + "aws-ecomm-popular-items-by-purchases")
              ["recommenderArn"] for n in ("live", "stopped")]
    for arn in served:
        wait_for(lambda: describe(p, arn), "ACTIVE", timeout=60)
        check(best_seller(r, arn) == "old", "the first model knows only 'old'")
    live, stopped = served
    p.stop_recommender(recommenderArn=stopped)
    wait_for(lambda: describe(p, stopped), "INACTIVE")

    job = p.create_dataset_import_job(jobName=unique("retrain-more"), datasetArn=interactions, importMode="INCREMENTAL",
                                      dataSource={"dataLocation": f"s3://{folder}/second.csv"})["datasetImportJobArn"]
    wait_for(lambda: p.describe_dataset_import_job(datasetImportJobArn=job)["datasetImportJob"], "ACTIVE")
    deadline = time.time() + 60
    while best_seller(r, live) != "new":
        check(time.time() < deadline, "the live recommender did not retrain onto the new purchases within 60 s")
        time.sleep(0.5)

    # Started again, the stopped recommender serves the model it had: it did not retrain while INACTIVE.
    p.start_recommender(recommenderArn=stopped)
    wait_for(lambda: describe(p, stopped), "ACTIVE")
    check(best_seller(r, stopped) == "old", "a stopped recommender must not retrain")


run(scenario)
