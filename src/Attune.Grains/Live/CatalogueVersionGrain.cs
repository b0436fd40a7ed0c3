using Attune.Contracts.Live;

namespace Attune.Grains.Live;

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
