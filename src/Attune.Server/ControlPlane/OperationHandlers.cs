using System.Diagnostics.CodeAnalysis;

namespace Attune.Server.ControlPlane;

/// <summary>The control-plane operations Attune implements, by Personalize operation name.</summary>
public sealed class OperationHandlers
{
    private readonly Dictionary<string, OperationHandler> _handlers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WrittenOperationHandler> _written = new(StringComparer.Ordinal);

    public OperationHandlers(IEnumerable<IOperationFamily> families)
    {
        foreach (var family in families)
        {
            family.Register(this);
        }
    }

    public IReadOnlyCollection<string> Names => [.. _handlers.Keys, .. _written.Keys];

    public void Add(string operation, OperationHandler handler)
    {
        if (_written.ContainsKey(operation) || !_handlers.TryAdd(operation, handler))
        {
            throw new InvalidOperationException($"{operation} is registered twice.");
        }
    }

    /// <summary>Registers an operation whose output writes itself (the runtime's hot path).</summary>
    public void AddWritten(string operation, WrittenOperationHandler handler)
    {
        if (_handlers.ContainsKey(operation) || !_written.TryAdd(operation, handler))
        {
            throw new InvalidOperationException($"{operation} is registered twice.");
        }
    }

    public bool TryGet(string operation, [MaybeNullWhen(false)] out OperationHandler handler) =>
        _handlers.TryGetValue(operation, out handler);

    public bool TryGetWritten(string operation, [MaybeNullWhen(false)] out WrittenOperationHandler handler) =>
        _written.TryGetValue(operation, out handler);
}
