"""PutEvents (personalize-events): every member stored in its column (checked in the group's SQLite store),
eventId de-duplication, anonymous sessions merged into the user who logs in, impression-only events, and every
refusal: model limits, sentAt, properties JSON and keys (itemId in properties stands in for the member, as the
Personalize samples send it; only Personalize's six forbidden keys are refused), unknown columns and types, unknown trackingId, a group
without Interactions dataset, and PutActions / PutActionInteractions without action datasets."""
import datetime
import hashlib
import json
import os
import sqlite3
import sys
import urllib.error
import urllib.request

from e2e import (ENDPOINT, active_dataset, active_group, avro, check, client, delete_group_with_datasets, events_client, run,
                 unique, wait_for, wait_gone)
from e2e import expect_rest as expect

DATA_DIR = sys.argv[2]
SCHEMA = avro("Interactions", [
    {"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"},
    {"name": "TIMESTAMP", "type": "long"}, {"name": "EVENT_TYPE", "type": "string"},
    {"name": "EVENT_VALUE", "type": ["null", "float"]}, {"name": "IMPRESSION", "type": ["null", "string"]},
    {"name": "RECOMMENDATION_ID", "type": ["null", "string"]}, {"name": "EVENT_ATTRIBUTION_SOURCE", "type": ["null", "string"]},
    {"name": "DEVICE", "type": ["null", "string"], "categorical": True}, {"name": "NUM_VIEWS", "type": ["null", "int"]}])
SENT = datetime.datetime(2025, 11, 24, 12, 0, 30, 500000, tzinfo=datetime.timezone.utc)


def store(group):
    path = os.path.join(DATA_DIR, "datasets", hashlib.sha256(group.encode()).hexdigest()[:16] + ".db")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def rows(group, where="1=1", *args):
    with store(group) as db:
        return db.execute(
            "SELECT u.id, i.id, p.ts, e.id, p.event_value, p.c_IMPRESSION, p.c_RECOMMENDATION_ID, "
            "p.c_EVENT_ATTRIBUTION_SOURCE, p.c_DEVICE, p.c_NUM_VIEWS, p.session_id FROM interactions_put p "
            "JOIN ids_user u ON u.idx = p.user_idx JOIN ids_item i ON i.idx = p.item_idx "
            f"LEFT JOIN event_types e ON e.idx = p.event_type_idx WHERE {where} ORDER BY p.rowid", args).fetchall()


def raw_events(body):
    request = urllib.request.Request(ENDPOINT + "/events", data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("X-Amzn-ErrorType", ""), json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Amzn-ErrorType", ""), json.loads(error.read() or b"{}")


def expect_raw(body, *words):
    status, code, payload = raw_events(body)
    check(status == 400 and code.startswith("InvalidInputException"), f"{body}: expected 400 InvalidInputException, got {status} {code} {payload}")
    message = payload.get("message", payload.get("Message", ""))
    for word in words:
        check(word in message, f"{body}: message {message!r} does not name {word!r}")


def event(**overrides):
    return {"eventType": "click", "sentAt": SENT, "itemId": "item-1", **overrides}


def scenario():
    p, events = client(), events_client()
    group = active_group(p, "events")
    tracker = p.create_event_tracker(name=unique("events"), datasetGroupArn=group)
    tracking = tracker["trackingId"]
    wait_for(lambda: p.describe_event_tracker(eventTrackerArn=tracker["eventTrackerArn"])["eventTracker"], "ACTIVE")
    expect("InvalidInputException", 400, events.put_events, "Interactions", trackingId=tracking, sessionId="s", eventList=[event()])
    active_dataset(p, group, "Interactions", SCHEMA, "events-int")

    events.put_events(trackingId=tracking, userId="u1", sessionId="s1", eventList=[
        event(eventId="e-1", eventValue=4.5, itemId="item-1", properties=json.dumps({"device": "phone", "numViews": 3}),
              recommendationId="RID-1", impression=["item-1", "item-2", "item-3"],
              metricAttribution={"eventAttributionSource": "email campaign"}),
        event(eventType="watch", itemId="item-2", sentAt=1764000000)])
    stored = rows(group)
    check(stored == [("u1", "item-1", 1763985630, "click", 4.5, "item-1|item-2|item-3", "RID-1", "email campaign", "phone", 3, "s1"),
                     ("u1", "item-2", 1764000000, "watch", None, None, None, None, None, None, "s1")], f"stored {stored}")

    events.put_events(trackingId=tracking, userId="u1", sessionId="s1", eventList=[event(eventId="e-1"), event(eventId="e-1", itemId="x")])
    check(len(rows(group)) == 2, f"a repeated eventId was stored again: {rows(group)}")

    events.put_events(trackingId=tracking, sessionId="anon", eventList=[event(itemId="a1"), event(itemId="a2")])
    check([r[0] for r in rows(group, "session_id = ?", "anon")] == ["anon", "anon"], "anonymous events belong to the session")
    events.put_events(trackingId=tracking, userId="u2", sessionId="anon", eventList=[event(itemId="a3")])
    merged = rows(group, "session_id = ?", "anon")
    check([(r[0], r[1]) for r in merged] == [("u2", "a1"), ("u2", "a2"), ("u2", "a3")], f"session not merged into u2: {merged}")

    # The Personalize samples' form: the item (and here the value) only in properties; equal duplicates are fine.
    events.put_events(trackingId=tracking, userId="u4", sessionId="s4", eventList=[
        {"eventType": "rating", "sentAt": SENT, "properties": json.dumps({"itemId": "item-7", "eventValue": 3, "device": "tv"})},
        {"eventType": "rating", "sentAt": SENT, "itemId": "item-8", "properties": json.dumps({"ITEM_ID": "item-8"})}])
    samples = rows(group, "session_id = ?", "s4")
    check(samples == [("u4", "item-7", 1763985630, "rating", 3.0, None, None, None, "tv", None, "s4"),
                      ("u4", "item-8", 1763985630, "rating", None, None, None, None, None, None, "s4")], f"properties itemId: {samples}")

    events.put_events(trackingId=tracking, userId="u3", sessionId="s3",
                      eventList=[{"eventType": "view", "sentAt": SENT, "impression": ["i1", "i2"], "eventId": "imp-1"}])
    with store(group) as db:
        check(db.execute("SELECT user_id, impression FROM put_impressions").fetchall() == [("u3", "i1|i2")], "impression-only event")
    check(len(rows(group)) == 7, "an impression-only event is no training interaction")

    put = events.put_events
    ok = {"trackingId": tracking, "sessionId": "s"}
    expect("InvalidInputException", 400, put, "itemId", **ok, eventList=[{"eventType": "view", "sentAt": SENT}])
    expect("InvalidInputException", 400, put, "eventList", **ok, eventList=[event()] * 11)
    expect("InvalidInputException", 400, put, "itemId", **ok, eventList=[event(itemId="x" * 257)])
    expect("InvalidInputException", 400, put, "userId", userId="u" * 257, **ok, eventList=[event()])
    expect("InvalidInputException", 400, put, "recommendationId", **ok, eventList=[event(recommendationId="r" * 41)])
    expect("InvalidInputException", 400, put, "impression", **ok, eventList=[event(impression=["i"] * 26)])
    expect("InvalidInputException", 400, put, "eventAttributionSource", **ok,
           eventList=[event(metricAttribution={"eventAttributionSource": "   "})])
    expect("InvalidInputException", 400, put, "properties", **ok,
           eventList=[event(properties=json.dumps({"device": "d" * 1100}))])
    expect("InvalidInputException", 400, put, "eventList.2", "properties", **ok,
           eventList=[event(), event(properties="{not json")])
    for key in ("userId", "sessionId", "eventType", "timestamp", "recommendationId", "impression", "USER_ID", "Session_Id"):
        expect("InvalidInputException", 400, put, "eventList.1.properties", key, **ok,
               eventList=[event(properties=json.dumps({key: "x"}))])
    expect("InvalidInputException", 400, put, "eventList.1.itemId", "item-1", "eventList.1.properties", "item-2", **ok,
           eventList=[event(properties=json.dumps({"itemId": "item-2"}))])
    expect("InvalidInputException", 400, put, "eventList.1.eventValue", "eventList.1.properties", **ok,
           eventList=[event(eventValue=1.0, properties=json.dumps({"eventValue": 2.5}))])
    expect("InvalidInputException", 400, put, "color", **ok, eventList=[event(properties=json.dumps({"color": "red"}))])
    expect("InvalidInputException", 400, put, "eventList.1", "NUM_VIEWS", **ok,
           eventList=[event(properties=json.dumps({"numViews": "many"}))])
    expect("ResourceNotFoundException", 404, put, "trackingId", trackingId="0000-unknown", sessionId="s", eventList=[event()])
    # Actions have their own datasets (scripts/actions.py): this group has none, and an event tracker's id is not theirs.
    expect("ResourceNotFoundException", 404, events.put_actions, "ACTIONS",
           datasetArn=group.replace("dataset-group", "dataset") + "/ACTIONS", actions=[{"actionId": "a"}])
    expect("ResourceNotFoundException", 404, events.put_action_interactions, "trackingId", trackingId=tracking,
           actionInteractions=[{"actionId": "a", "sessionId": "s", "timestamp": SENT, "eventType": "Taken"}])

    base = {"trackingId": tracking, "sessionId": "s"}
    expect_raw({"trackingId": tracking, "eventList": [{"eventType": "x", "sentAt": 1764000000, "itemId": "i"}]}, "sessionId")
    expect_raw({**base, "eventList": []}, "eventList")
    expect_raw({**base, "eventList": [{"eventType": "x", "sentAt": "yesterday", "itemId": "i"}]}, "sentAt")
    expect_raw({**base, "eventList": [{"eventType": "x", "sentAt": 1764000000000, "itemId": "i"}]}, "eventList.1.sentAt")
    expect_raw({**base, "eventList": [{"eventType": "x", "itemId": "i"}]}, "sentAt")
    expect_raw({**base, "eventList": [{"eventType": "x", "sentAt": 1764000000, "itemId": "i", "eventValue": 1e300}]}, "eventList.1.eventValue")
    expect_raw({**base, "eventList": [{"sentAt": 1764000000, "itemId": "i"}]}, "eventType")
    expect_raw({**base, "eventList": [{"eventType": "x", "sentAt": 1764000000, "itemId": "i", "eventValue": "high"}]}, "eventValue")
    expect_raw({**base, "userId": 7, "eventList": [{"eventType": "x", "sentAt": 1764000000, "itemId": "i"}]}, "userId")
    check(len(rows(group)) == 7, f"a refused request stored something: {rows(group)}")
    recreated_group_starts_empty(p, events, group, tracker["eventTrackerArn"])


def recreated_group_starts_empty(p, events, group, tracker_arn):
    """Deleting the group closes its event log: events for a new group of the same name land in the new store."""
    p.delete_event_tracker(eventTrackerArn=tracker_arn)
    wait_gone(lambda: p.describe_event_tracker(eventTrackerArn=tracker_arn)["eventTracker"])
    delete_group_with_datasets(p, group)
    wait_gone(lambda: p.describe_dataset_group(datasetGroupArn=group)["datasetGroup"])
    again = p.create_dataset_group(name=group.split("/")[-1])["datasetGroupArn"]
    check(again == group, f"recreated {again}")
    wait_for(lambda: p.describe_dataset_group(datasetGroupArn=group)["datasetGroup"], "ACTIVE")
    active_dataset(p, group, "Interactions", SCHEMA, "events-again")
    tracker = p.create_event_tracker(name=unique("events"), datasetGroupArn=group)
    wait_for(lambda: p.describe_event_tracker(eventTrackerArn=tracker["eventTrackerArn"])["eventTracker"], "ACTIVE")
    events.put_events(trackingId=tracker["trackingId"], userId="new", sessionId="s1", eventList=[event(eventId="e-1")])
    check([(r[0], r[1]) for r in rows(group)] == [("new", "item-1")], f"the recreated group's store: {rows(group)}")
    p.delete_event_tracker(eventTrackerArn=tracker["eventTrackerArn"])
    wait_gone(lambda: p.describe_event_tracker(eventTrackerArn=tracker["eventTrackerArn"])["eventTracker"])
    delete_group_with_datasets(p, group)


run(scenario)
