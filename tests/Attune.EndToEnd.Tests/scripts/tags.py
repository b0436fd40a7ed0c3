"""TagResource, UntagResource, ListTagsForResource, and tags given at creation."""
from e2e import USERS_SCHEMA, check, client, expect_error, run, unique, until_not_in_use


def tag_map(p, arn):
    return {t["tagKey"]: t["tagValue"] for t in p.list_tags_for_resource(resourceArn=arn)["tags"]}


def scenario():
    p = client()
    arn = p.create_dataset_group(name=unique("tags"), tags=[{"tagKey": "team", "tagValue": "search"},
                                                             {"tagKey": "env", "tagValue": "test"}])["datasetGroupArn"]
    check(tag_map(p, arn) == {"team": "search", "env": "test"}, f"creation tags: {tag_map(p, arn)}")
    p.tag_resource(resourceArn=arn, tags=[{"tagKey": "env", "tagValue": "prod"}, {"tagKey": "owner", "tagValue": "ana"}])
    check(tag_map(p, arn) == {"team": "search", "env": "prod", "owner": "ana"}, f"after tag: {tag_map(p, arn)}")
    p.untag_resource(resourceArn=arn, tagKeys=["team", "not-there"])
    check(tag_map(p, arn) == {"env": "prod", "owner": "ana"}, f"after untag: {tag_map(p, arn)}")

    expect_error("InvalidInputException", p.tag_resource, "aws:", resourceArn=arn,
                 tags=[{"tagKey": "aws:cost", "tagValue": "x"}])
    expect_error("InvalidInputException", p.tag_resource, "dup", resourceArn=arn,
                 tags=[{"tagKey": "dup", "tagValue": "1"}, {"tagKey": "dup", "tagValue": "2"}])
    many = [{"tagKey": f"k{i}", "tagValue": "v"} for i in range(49)]
    expect_error("TooManyTagsException", p.tag_resource, resourceArn=arn, tags=many)
    check(tag_map(p, arn) == {"env": "prod", "owner": "ana"}, "a refused TagResource changed the tags")
    p.tag_resource(resourceArn=arn, tags=many[:48])
    check(len(tag_map(p, arn)) == 50, "50 tags should fit")

    missing = arn + "-missing"
    expect_error("ResourceNotFoundException", p.tag_resource, resourceArn=missing, tags=[{"tagKey": "a", "tagValue": "b"}])
    expect_error("ResourceNotFoundException", p.untag_resource, resourceArn=missing, tagKeys=["a"])
    expect_error("ResourceNotFoundException", p.list_tags_for_resource, resourceArn=missing)

    # Schemas carry tags too (any catalog resource does).
    schema = p.create_schema(name=unique("tags-schema"), schema=USERS_SCHEMA)["schemaArn"]
    p.tag_resource(resourceArn=schema, tags=[{"tagKey": "kind", "tagValue": "users"}])
    check(tag_map(p, schema) == {"kind": "users"}, "schema tags")
    p.delete_schema(schemaArn=schema)
    until_not_in_use(p.delete_dataset_group, datasetGroupArn=arn)


run(scenario)
