using System.Text.Json;
using Attune.Server.Wire;

namespace Attune.Server.ControlPlane;

/// <summary>
/// An operation on the serving hot path: a validated request in, an output that writes itself out. The other
/// operations return a JsonObject (<see cref="OperationHandler"/>), which costs a node per member.
/// </summary>
public delegate Task<IWireOutput> WrittenOperationHandler(JsonElement input, CallContext context);
