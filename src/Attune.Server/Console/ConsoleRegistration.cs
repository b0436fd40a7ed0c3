using Attune.Grains.Live;

namespace Attune.Server.WebConsole;

/// <summary>Registers the console's settings and services (the sign-ins are registered with the sigv4 authenticator).</summary>
internal static class ConsoleRegistration
{
    public static void AddAttuneConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ConsoleOptions>(configuration.GetSection(ConsoleOptions.Section));
        services.AddSingleton<ConsoleCaller>();
        services.AddSingleton<ConsoleEventFeed>();
        services.AddSingleton<ILiveEvents>(provider => provider.GetRequiredService<ConsoleEventFeed>()); // after PutEvents commits
    }
}
