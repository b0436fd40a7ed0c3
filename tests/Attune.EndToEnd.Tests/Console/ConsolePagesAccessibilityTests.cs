using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attune.EndToEnd.Tests.WebConsole;

/// <summary>
/// The pages the flow tests do not visit pass axe in both themes and render their content (the flow tests check the
/// others): jobs, online metrics, cluster and health, and a group's datasets with the schema editor.
/// </summary>
[Collection(ConsoleServerCollection.Name)]
public sealed class ConsolePagesAccessibilityTests(ConsoleServer fixture)
{
    [Fact]
    public async Task The_jobs_metrics_cluster_and_solutions_pages_are_accessible_in_light_and_dark()
    {
        var group = await ConsoleGroup.CreateAsync(fixture, "console-pages");
        await using var console = await fixture.OpenAsync(ConsoleGroup.Page("jobs", group));
        var page = console.Page;
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Data deletion jobs" })).ToContainTextAsync("None.");
        await console.CheckAsync("jobs");

        await console.NavigateAsync("Online metrics");
        await Expect(page.GetByText("No campaigns or recommenders in this group yet.")).ToBeVisibleAsync();
        await console.CheckAsync("online-metrics");

        await console.NavigateAsync("Solutions");
        await Expect(page.GetByLabel("Recipe")).ToBeVisibleAsync();
        await console.CheckAsync("solutions");

        await console.NavigateAsync("Cluster & health");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Silos" }).GetByRole(AriaRole.Row)).Not.ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Health" })).ToContainTextAsync("healthy");
        await console.CheckAsync("cluster");
    }
}
