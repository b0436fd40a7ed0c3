namespace Attune.Grains.Live;

/// <summary>
/// A dataset group's Items/Users version (key: its ARN): bumped by every PutItems and PutUsers, read by every silo's
/// <see cref="CatalogueFreshness"/> so silos that did not take the request refresh their served catalogues too.
/// </summary>
[Alias("attune.ICatalogueVersionGrain")]
public interface ICatalogueVersionGrain : IGrainWithStringKey
{
    [Alias("Bump")]
    Task<long> BumpAsync();

    [Alias("Get"), Orleans.Concurrency.ReadOnly]
    Task<long> GetAsync();
}

/// <summary>
/// In memory on purpose: a new activation starts from a random version, which every silo sees as a change and
/// answers with one extra refresh, so nothing needs storing.
/// </summary>
internal sealed class CatalogueVersionGrain : Grain, ICatalogueVersionGrain
{
    private long _version = Random.Shared.NextInt64();

    public Task<long> BumpAsync() => Task.FromResult(++_version);

    public Task<long> GetAsync() => Task.FromResult(_version);
}
