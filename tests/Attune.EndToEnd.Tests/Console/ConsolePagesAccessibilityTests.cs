using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attune.EndToEnd.Tests.WebConsole;

/// <summary>
/// The pages the flow tests do not visit pass axe in both themes and render their content (the flow tests check the
/// others): jobs, online metrics, solutions, a failed import's reason, cluster and health; and the skip link works
/// from the keyboard.
/// </summary>
[Collection(ConsoleServerCollection.Name)]
public sealed class ConsolePagesAccessibilityTests(ConsoleServer fixture)
{
    [Fact]
    public async Task The_jobs_metrics_solutions_failed_import_and_cluster_pages_are_accessible_in_light_and_dark_and_from_the_keyboard()
    {
        var group = await ConsoleGroup.CreateAsync(fixture, "console-pages");
        await using var console = await fixture.OpenAsync(ConsoleGroup.Page("jobs", group));
        var page = console.Page;
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Data deletion jobs" })).ToContainTextAsync("None.");
        await console.CheckAsync("jobs");

        await console.NavigateAsync("Online metrics");
        await Expect(page.GetByText("No campaigns or recommenders in this group yet.")).ToBeVisibleAsync();
        await console.CheckAsync("online-metrics");

        await console.NavigateAsync("Solutions");
        await Expect(page.GetByLabel("Recipe")).ToBeVisibleAsync();
        await console.CheckAsync("solutions");

        // An upload the import refuses: the job ends FAILED and the page shows why.
        await console.NavigateAsync("Datasets");
        var csv = Path.Combine(Directory.CreateTempSubdirectory("attune-console-").FullName, "wrong-columns.csv");
        await File.WriteAllTextAsync(csv, "NOT_A_COLUMN,ITEM_ID\nu1,i1\n", TestContext.Current.CancellationToken);
        await page.GetByLabel("CSV file").SetInputFilesAsync(csv);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }).ClickAsync();
        var failed = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "FAILED" });
        await Expect(failed.Locator(".error-text")).Not.ToBeEmptyAsync();
        await console.CheckAsync("datasets-import-failed");

        await console.NavigateAsync("Cluster & health");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Silos" }).GetByRole(AriaRole.Row)).Not.ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Health" })).ToContainTextAsync("healthy");
        await console.CheckAsync("cluster");
    }
}
