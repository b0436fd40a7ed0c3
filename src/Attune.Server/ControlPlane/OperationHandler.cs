using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Server.Wire;

namespace Attune.Server.ControlPlane;

/// <summary>One control-plane operation: a validated request in, the output object (or null for none) out.</summary>
public delegate Task<JsonObject?> OperationHandler(JsonElement input, CallContext context);

/// <summary>A family of operations (one resource type) that registers its handlers by operation name.</summary>
public interface IOperationFamily
{
    void Register(OperationHandlers registry);
}
