using Microsoft.Extensions.Options;

namespace Attune.Server.WebConsole;

/// <summary>GET, POST and DELETE /console/api/session: the sign-in state, signing in with an access key, signing out.</summary>
internal static class SessionEndpoints
{
    public static void MapSessionEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/session", (HttpContext http, ConsoleCaller caller) =>
        {
            if (caller.Open)
            {
                return Results.Json(new SessionState("none", true, caller.AccountOf(http.Request), null));
            }
            var session = caller.Sessions!.Find(ConsoleCookie.Token(http.Request));
            return Results.Json(new SessionState("sigv4", session is not null, session?.AccountId, session?.AccessKeyId));
        });

        api.MapPost("/session", async (HttpContext http, ConsoleCaller caller, IOptions<ConsoleOptions> options) =>
        {
            if (caller.Open)
            {
                return ConsoleResults.Error(400, "This server runs in auth mode none: the console needs no sign-in.");
            }
            if (!ConsoleCookie.FromConsole(http.Request))
            {
                return ConsoleResults.Error(403, "Sign-in is accepted only from the console (header X-Attune-Console: 1).");
            }
            var credentials = await ConsoleJsonBody.ReadAsync<Credentials>(http);
            if (credentials is not { AccessKeyId.Length: > 0, SecretAccessKey.Length: > 0 })
            {
                return ConsoleResults.Error(400, "The body must be JSON {\"accessKeyId\": \"...\", \"secretAccessKey\": \"...\"}.");
            }
            if (caller.Sessions!.Check(credentials.AccessKeyId!, credentials.SecretAccessKey!) is not { } key)
            {
                return ConsoleResults.Error(403, "The access key id or the secret access key is wrong, or the key was revoked.");
            }
            ConsoleCookie.Set(http, caller.Sessions.Start(key), options.Value.SessionLifetime);
            return Results.NoContent();
        });

        api.MapDelete("/session", (HttpContext http, ConsoleCaller caller) =>
        {
            if (!ConsoleCookie.FromConsole(http.Request))
            {
                return ConsoleResults.Error(403, "Sign-out is accepted only from the console (header X-Attune-Console: 1).");
            }
            caller.Sessions?.End(ConsoleCookie.Token(http.Request));
            ConsoleCookie.Clear(http);
            return Results.NoContent();
        });
    }

    internal sealed record SessionState(string AuthMode, bool SignedIn, string? AccountId, string? AccessKeyId);

    internal sealed record Credentials(string? AccessKeyId, string? SecretAccessKey);
}
