using System.Diagnostics.CodeAnalysis;

namespace Attune.Server.ControlPlane;

/// <summary>The control-plane operations Attune implements, by Personalize operation name.</summary>
public sealed class OperationRegistry
{
    private readonly Dictionary<string, OperationHandler> _handlers = new(StringComparer.Ordinal);

    public OperationRegistry(IEnumerable<IOperationFamily> families)
    {
        foreach (var family in families)
        {
            family.Register(this);
        }
    }

    public IReadOnlyCollection<string> Names => _handlers.Keys;

    public void Add(string operation, OperationHandler handler)
    {
        if (!_handlers.TryAdd(operation, handler))
        {
            throw new InvalidOperationException($"{operation} is registered twice.");
        }
    }

    public bool TryGet(string operation, [MaybeNullWhen(false)] out OperationHandler handler) =>
        _handlers.TryGetValue(operation, out handler);
}
