using Attune.Contracts.Resources;

namespace Attune.Contracts.Tests.Resources;

/// <summary>Dataset group, schema, dataset and import job bodies as their operations and grains store them, read and written back unchanged.</summary>
public sealed class DatasetRecordTests
{
    [Fact]
    public void A_dataset_group_round_trips() => RoundTrip.AssertIdentical<DatasetGroupRecord>(
        """{"name":"shop","datasetGroupArn":"arn:aws:personalize:us-east-1:000000000000:dataset-group/shop","status":"ACTIVE","creationDateTime":1733300000.123,"lastUpdatedDateTime":1733300000.5}""");

    [Fact]
    public void A_domain_dataset_group_with_keys_round_trips() => RoundTrip.AssertIdentical<DatasetGroupRecord>(
        """{"name":"vod","datasetGroupArn":"arn:g","roleArn":"arn:aws:iam::000000000000:role/r","kmsKeyArn":"arn:k","domain":"VIDEO_ON_DEMAND","status":"CREATE FAILED","creationDateTime":1733300000,"lastUpdatedDateTime":1733300001,"failureReason":"gone"}""");

    [Fact]
    public void A_schema_round_trips() => RoundTrip.AssertIdentical<SchemaRecord>(
        """{"name":"s","schemaArn":"arn:s","schema":"{\u0022type\u0022: \u0022record\u0022, \u0022fields\u0022: []}","domain":"ECOMMERCE","creationDateTime":1733300000.25,"lastUpdatedDateTime":1733300000.25}""");

    [Fact]
    public void An_updated_action_interactions_dataset_round_trips() => RoundTrip.AssertIdentical<DatasetRecord>(
        """{"name":"ai","datasetArn":"arn:aws:personalize:us-east-1:000000000000:dataset/g/ACTION_INTERACTIONS","datasetGroupArn":"arn:g","datasetType":"Action_Interactions","schemaArn":"arn:s2","trackingId":"5f0c8e55-8b1c-4f0e-9d7a-0c5b1e7f1a2b","status":"ACTIVE","creationDateTime":1733300000,"lastUpdatedDateTime":1733300200.75,"latestDatasetUpdate":{"schemaArn":"arn:s2","status":"ACTIVE","creationDateTime":1733300200.75,"lastUpdatedDateTime":1733300200.75}}""");

    [Fact]
    public void A_finished_import_job_round_trips() => RoundTrip.AssertIdentical<DatasetImportJobRecord>(
        """{"jobName":"import-1","datasetImportJobArn":"arn:j","datasetArn":"arn:d","dataSource":{"dataLocation":"s3://bucket/interactions.csv"},"importMode":"FULL","rowsImported":100836,"roleArn":"arn:aws:iam::000000000000:role/unused","publishAttributionMetricsToS3":false,"status":"ACTIVE","creationDateTime":1733300000.5,"lastUpdatedDateTime":1733300009.125}""");

    [Fact]
    public void A_failed_incremental_import_job_round_trips() => RoundTrip.AssertIdentical<DatasetImportJobRecord>(
        """{"jobName":"import-2","datasetImportJobArn":"arn:j2","datasetArn":"arn:d","dataSource":{"dataLocation":"file:///data/x.csv"},"importMode":"INCREMENTAL","rowsImported":0,"status":"CREATE FAILED","creationDateTime":1733300000,"lastUpdatedDateTime":1733300001,"failureReason":"Row 2: ITEM_ID is empty."}""");
}
