"""PutItems / PutUsers (personalize-events): records with properties as a JSON string of camelCase column keys,
and every refusal with its restJson status: bad JSON, unknown column, bad value, wrong dataset, missing dataset."""
import json

from e2e import (INTERACTIONS_SCHEMA, ITEMS_SCHEMA, USERS_SCHEMA, active_dataset, active_group, client,
                 delete_group_with_datasets, events_client, run)
from e2e import expect_rest as expect


def scenario():
    p, events = client(), events_client()
    group = active_group(p, "entities")
    items, _ = active_dataset(p, group, "Items", ITEMS_SCHEMA, "entities-items")
    users, _ = active_dataset(p, group, "Users", USERS_SCHEMA, "entities-users")
    interactions, _ = active_dataset(p, group, "Interactions", INTERACTIONS_SCHEMA, "entities-int")

    events.put_items(datasetArn=items, items=[
        {"itemId": "new-1", "properties": json.dumps({"title": "Fresh", "genres": "Comedy|Drama", "creationTimestamp": 1764000000})},
        {"itemId": "new-2", "properties": json.dumps({"TITLE": "Exact names work too", "GENRES": None})},
    ])
    events.put_items(datasetArn=items, items=[{"itemId": "new-1", "properties": json.dumps({"title": "Replaced"})}])
    events.put_users(datasetArn=users, users=[
        {"userId": "u-new", "properties": json.dumps({"gender": "F", "age": 31, "occupation": "writer", "zip": "02139"})}])

    expect("InvalidInputException", 400, events.put_items, "properties", datasetArn=items,
           items=[{"itemId": "x", "properties": "{not json"}])
    expect("InvalidInputException", 400, events.put_items, "price", datasetArn=items,
           items=[{"itemId": "x", "properties": json.dumps({"title": "t", "price": 3})}])
    expect("InvalidInputException", 400, events.put_items, "CREATION_TIMESTAMP", datasetArn=items,
           items=[{"itemId": "x", "properties": json.dumps({"title": "t", "creationTimestamp": "soon"})}])
    expect("InvalidInputException", 400, events.put_users, "AGE", datasetArn=users,
           users=[{"userId": "x", "properties": json.dumps({"gender": "F", "age": "old", "occupation": "o", "zip": "1"})}])
    expect("InvalidInputException", 400, events.put_items, "Interactions", datasetArn=interactions,
           items=[{"itemId": "x", "properties": json.dumps({"title": "t"})}])
    expect("ResourceNotFoundException", 404, events.put_items, datasetArn=items + "X",
           items=[{"itemId": "x", "properties": json.dumps({"title": "t"})}])
    delete_group_with_datasets(p, group)


run(scenario)
