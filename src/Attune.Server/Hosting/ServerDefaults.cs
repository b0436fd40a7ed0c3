namespace Attune.Server.Hosting;

/// <summary>Defaults that more than one part of the host states (the listener, the help text, the banner).</summary>
internal static class ServerDefaults
{
    public const string Url = "http://127.0.0.1:5080";
}
