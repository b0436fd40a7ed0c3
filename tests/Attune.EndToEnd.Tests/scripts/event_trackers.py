"""CreateEventTracker / DescribeEventTracker / ListEventTrackers / DeleteEventTracker: one tracker per dataset
group, a UUID trackingId, scope filter and delete order."""
import re

from e2e import (ARN_PREFIX, active_group, check, check_chain, client, expect_error, list_all, run, unique, wait_for,
                 wait_gone)


def scenario():
    p = client()
    group = active_group(p, "trackers")
    other = active_group(p, "trackers-other")
    name = unique("tracker")
    created = p.create_event_tracker(name=name, datasetGroupArn=group, tags=[{"tagKey": "k", "tagValue": "v"}])
    arn, tracking = created["eventTrackerArn"], created["trackingId"]
    check(arn == f"{ARN_PREFIX}000000000000:event-tracker/{name}", f"tracker ARN {arn}")
    check(re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", tracking), f"trackingId {tracking}")
    tracker, seen = wait_for(lambda: p.describe_event_tracker(eventTrackerArn=arn)["eventTracker"], "ACTIVE")
    check_chain(seen, "ACTIVE")
    check(tracker["trackingId"] == tracking and tracker["accountId"] == "000000000000"
          and tracker["datasetGroupArn"] == group, f"tracker {tracker}")

    expect_error("ResourceAlreadyExistsException", p.create_event_tracker, "at most one", name=unique("tracker"),
                 datasetGroupArn=group)
    expect_error("ResourceNotFoundException", p.create_event_tracker, name=unique("tracker"), datasetGroupArn=group + "-x")
    second = p.create_event_tracker(name=unique("tracker"), datasetGroupArn=other)["eventTrackerArn"]
    wait_for(lambda: p.describe_event_tracker(eventTrackerArn=second)["eventTracker"], "ACTIVE")

    listed = list_all(p.list_event_trackers, "eventTrackers", 1, datasetGroupArn=group)
    check([t["eventTrackerArn"] for t in listed] == [arn], f"scoped list {listed}")
    everything = {t["eventTrackerArn"] for t in list_all(p.list_event_trackers, "eventTrackers", 100)}
    check({arn, second} <= everything, f"unscoped list {everything}")
    check(p.list_tags_for_resource(resourceArn=arn)["tags"] == [{"tagKey": "k", "tagValue": "v"}], "tracker tags")

    expect_error("ResourceInUseException", p.delete_dataset_group, "event-tracker", datasetGroupArn=group)
    for tracker_arn, group_arn in ((arn, group), (second, other)):
        p.delete_event_tracker(eventTrackerArn=tracker_arn)
        wait_gone(lambda: p.describe_event_tracker(eventTrackerArn=tracker_arn)["eventTracker"])
        p.delete_dataset_group(datasetGroupArn=group_arn)
        wait_gone(lambda: p.describe_dataset_group(datasetGroupArn=group_arn)["datasetGroup"])


run(scenario)
