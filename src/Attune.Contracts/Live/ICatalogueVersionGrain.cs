namespace Attune.Contracts.Live;

/// <summary>
/// A dataset group's Items/Users version (key: its ARN): bumped by every PutItems and PutUsers, read by every silo's
/// CatalogueFreshness so silos that did not take the request refresh their served catalogues too.
/// </summary>
[Alias("attune.ICatalogueVersionGrain")]
public interface ICatalogueVersionGrain : IGrainWithStringKey
{
    [Alias("Bump")]
    Task<long> BumpAsync();

    [Alias("Get"), Orleans.Concurrency.ReadOnly]
    Task<long> GetAsync();
}
