using System.Text.Json;

namespace Attune.Server.Wire;

/// <summary>An operation's output that writes itself to the response, so a hot path builds no JsonObject per request.</summary>
public interface IWireOutput
{
    void WriteTo(Utf8JsonWriter writer);
}
