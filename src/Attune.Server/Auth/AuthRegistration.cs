using Attune.Server.WebConsole;
using Attune.Server.Hosting;
using Attune.Storage.Resources;

namespace Attune.Server.Auth;

/// <summary>Registers the request authenticator the decided mode needs, with its key sources.</summary>
internal static class AuthRegistration
{
    /// <summary>Decides the mode from the configuration (Attune:Auth, the URLs, the cluster mode) and registers what it needs.</summary>
    public static void AddAttuneAuth(this IServiceCollection services, IConfiguration configuration, AttuneOptions attune, ClusterModeOptions mode)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var decision = AuthModes.Decide(auth, AuthModes.ListenUrls(configuration), mode.IsCluster, out _);
        services.AddSingleton(decision);
        if (decision.Mode == AuthMode.None)
        {
            services.AddSingleton<IRequestAuthenticator, OpenAuthenticator>();
            return;
        }

        services.AddSingleton(provider => new CatalogAccessKeys(
            provider.GetRequiredService<IResourceRegistry>(),
            () => KeyEncryption.From(auth, attune.FullDataDir, mode.IsCluster, create: false),
            provider.GetRequiredService<ILogger<CatalogAccessKeys>>()));
        services.AddHostedService(provider => provider.GetRequiredService<CatalogAccessKeys>());
        services.AddSingleton<IAccessKeys>(provider =>
        {
            var catalog = provider.GetRequiredService<CatalogAccessKeys>();
            return string.IsNullOrWhiteSpace(auth.AccessKeysFile)
                ? catalog
                : new AccessKeys([
                    new AccessKeysFile(auth.AccessKeysFile, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<AccessKeysFile>>()),
                    catalog,
                ]);
        });
        services.AddSingleton<SigV4Verifier>();
        services.AddSingleton<SigV4Authenticator>();
        services.AddSingleton<ConsoleSessions>(); // console sign-ins act as their key: SigV4 otherwise
        services.AddSingleton<IRequestAuthenticator, ConsoleSessionAuthenticator>();
    }
}
