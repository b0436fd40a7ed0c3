namespace Attune.Server.WebConsole;

/// <summary>The console API's errors: a status and <c>{"message": "..."}</c> that says what was wrong.</summary>
internal static class ConsoleResults
{
    public static IResult Error(int status, string message) => Results.Json(new { message }, statusCode: status);

    public static IResult NotSignedIn() =>
        Error(StatusCodes.Status403Forbidden, "Sign in to the console first; requests other than GET also need the header X-Attune-Console: 1.");
}
