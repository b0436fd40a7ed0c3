using System.Reflection;

namespace Attune.Server.Hosting;

/// <summary>This build's version (the assembly's informational version: version and source commit).</summary>
internal static class ServerVersion
{
    public static string Text { get; } =
        typeof(ServerVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
