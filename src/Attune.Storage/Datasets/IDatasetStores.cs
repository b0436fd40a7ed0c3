namespace Attune.Storage.Datasets;

/// <summary>Where the dataset groups' data lives: opens one group's store, or deletes all of a group's data.</summary>
public interface IDatasetStores
{
    /// <summary>Opens (creating if needed) the store of <paramref name="datasetGroupArn"/>; dispose it when done.</summary>
    IDatasetStore Open(string datasetGroupArn);

    /// <summary>
    /// Opens the store of <paramref name="datasetGroupArn"/> if the group has storage; otherwise (never written, or
    /// deleted) creates nothing and returns null. For readers, which must not bring a deleted group's storage back.
    /// </summary>
    IDatasetStore? OpenExisting(string datasetGroupArn);

    /// <summary>Deletes all data of a dataset group. Dispose open stores of the group first.</summary>
    void Delete(string datasetGroupArn);
}
