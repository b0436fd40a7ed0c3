using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Attune.Server.Health;

/// <summary>
/// The health answer: <c>{"status":"healthy"}</c> when no check ran (live), otherwise with each check's status and,
/// for a failing one, why: <c>{"status":"unhealthy","checks":{"catalog":{"status":"unhealthy","description":"..."}}}</c>.
/// </summary>
internal static class HealthReportWriter
{
    public static async Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(http.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", Name(report.Status));
        if (report.Entries.Count > 0)
        {
            json.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartObject(name);
                json.WriteString("status", Name(entry.Status));
                if ((entry.Description ?? entry.Exception?.Message) is { } description)
                {
                    json.WriteString("description", description);
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    internal static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
