namespace Attune.Storage.Catalog;

/// <summary>One page of a List query; <see cref="NextSequence"/> is null on the last page.</summary>
public sealed record CatalogPage(IReadOnlyList<ResourceRecord> Items, long? NextSequence);
