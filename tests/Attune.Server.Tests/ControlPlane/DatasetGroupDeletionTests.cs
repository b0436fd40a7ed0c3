using Attune.Grains.Lifecycle;
using Attune.Storage.Datasets;

namespace Attune.Server.Tests.ControlPlane;

public sealed class DatasetGroupDeletionTests
{
    private const string GroupArn = "arn:aws:personalize:us-east-1:000000000000:dataset-group/gone";

    [Fact]
    public async Task The_groups_event_log_is_closed_before_its_database_is_removed()
    {
        var steps = new List<string>();

        await new DatasetGroupDeletion(new RecordingLogs(steps), new RecordingStores(steps))
            .DeleteOwnedDataAsync(GroupArn, TestContext.Current.CancellationToken);

        Assert.Equal(["close log " + GroupArn, "delete store " + GroupArn], steps);
    }

    private sealed class RecordingLogs(List<string> steps) : IEventLogs
    {
        public IEventLog For(string datasetGroupArn) => throw new InvalidOperationException("deletion appends nothing");

        public Task CloseAsync(string datasetGroupArn)
        {
            steps.Add("close log " + datasetGroupArn);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class RecordingStores(List<string> steps) : IDatasetStores
    {
        public IDatasetStore Open(string datasetGroupArn) => throw new InvalidOperationException("deletion opens nothing");

        public IDatasetStore? OpenExisting(string datasetGroupArn) => throw new InvalidOperationException("deletion opens nothing");

        public void Delete(string datasetGroupArn) => steps.Add("delete store " + datasetGroupArn);
    }
}
