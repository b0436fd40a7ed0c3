using Attune.Storage.Datasets;
using Attune.Storage.Import;
using Attune.Storage.Schemas;

namespace Attune.Storage.Tests.Contracts;

internal static class ImportHelpers
{
    public const string GroupArn = "arn:aws:personalize:us-east-1:000000000000:dataset-group/tests";

    public static ImportResult Run(IDatasetStore store, DatasetType type, AvroSchema schema, ImportMode mode, params string[] files) =>
        store.Import(new ImportRequest(JobArn(), type, schema, files, mode), cancellationToken: TestContext.Current.CancellationToken);

    public static string Fail(IDatasetStore store, DatasetType type, AvroSchema schema, params string[] files) =>
        Assert.Throws<ImportFailedException>(() => Run(store, type, schema, ImportMode.Full, files)).Message;

    public static string JobArn() => $"arn:aws:personalize:us-east-1:000000000000:dataset-import-job/job-{Guid.NewGuid():N}";
}
