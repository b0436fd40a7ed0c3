using System.Collections.Concurrent;
using Attune.Contracts.Resources;
using Attune.Contracts.Serving;
using Attune.Filters;
using Attune.Storage.Resources;

namespace Attune.Grains.Serving;

/// <summary>
/// Filter ARN → parsed expression, parsed once. Entries are re-checked against the registry after a short while, so
/// a filter deleted (or deleted and created again under the same name) stops serving its old expression.
/// </summary>
public sealed class FilterCache(IResourceRegistry registry, TimeProvider clock)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Expressions with a use case's exclusion chained on, by their text (few: one per filter and use case).</summary>
    private readonly ConcurrentDictionary<string, FilterExpression> _withExclusions = new(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="expression"/> (or no filter) and also "not an item the user had an event of
    /// <paramref name="eventType"/>": a domain use case's built-in exclusion, chained with '|' (both must hold).
    /// </summary>
    public FilterExpression WithExclusion(FilterExpression? expression, string eventType)
    {
        var exclusion = $"EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"{eventType}\")";
        var text = expression is null ? exclusion : $"{expression.Text} | {exclusion}";
        return _withExclusions.GetOrAdd(text, FilterExpression.Parse);
    }

    /// <summary>The ACTIVE filter's expression; ResourceNotFoundException when there is no such filter.</summary>
    public async ValueTask<FilterExpression> GetAsync(string filterArn, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(filterArn, out var cached) && now - cached.CheckedAt < Freshness)
        {
            return cached.Expression;
        }
        var record = await registry.GetAsync(filterArn, cancellationToken);
        if (record is null || record.Kind != ResourceKinds.Filter || record.Status != ResourceStatus.Active)
        {
            _entries.TryRemove(filterArn, out _);
            throw ServingException.NotFound(filterArn);
        }
        var text = DescribeBody.Read<FilterRecord>(record.Body).FilterExpression;
        var expression = cached is not null && cached.Expression.Text == text ? cached.Expression : FilterExpression.Parse(text);
        _entries[filterArn] = new Entry(expression, now);
        return expression;
    }

    private sealed record Entry(FilterExpression Expression, DateTimeOffset CheckedAt);
}
