using Attune.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attune.EndToEnd.Tests.WebConsole;

/// <summary>
/// The full flow in a real browser, every step through the console's forms: create a dataset group, a dataset
/// with a schema from the field editor, upload a CSV slice of ml-latest-small and watch its import, train a solution,
/// deploy a campaign and get recommendations with explanations. Each page visited passes axe and is screenshotted.
/// </summary>
[Collection(ConsoleServerCollection.Name)]
public sealed class ConsoleFlowTests(ConsoleServer fixture)
{
    private const int Rows = 2_000;
    private const string RowsAsShown = "2,000"; // the browser's en-US number format
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_user_creates_imports_trains_deploys_and_tries_recommendations_from_the_console()
    {
        var csv = await InteractionsSliceAsync();
        await using var console = await fixture.OpenAsync();
        var page = console.Page;

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("console-flow");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create dataset group" }).ClickAsync();
        var groupRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "console-flow" });
        await Expect(groupRow).ToContainTextAsync("ACTIVE");
        await console.CheckAsync("dataset-groups");

        await groupRow.GetByRole(AriaRole.Link, new() { Name = "console-flow" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dataset group console-flow" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Field 5 name")).ToHaveValueAsync("EVENT_VALUE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create dataset" }).ClickAsync();
        var dataset = page.GetByRole(AriaRole.Region, new() { Name = "Interactions dataset console-flow-interactions" });
        await Expect(dataset.GetByRole(AriaRole.Table, new() { Name = "Schema fields" })).ToContainTextAsync("EVENT_VALUE");

        await dataset.GetByLabel("CSV file").SetInputFilesAsync(csv);
        await dataset.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }).ClickAsync();
        var importRow = dataset.GetByRole(AriaRole.Row).Filter(new() { HasText = "interactions" }).Last;
        await Expect(importRow).ToContainTextAsync("ACTIVE", new() { Timeout = (float)Slow.TotalMilliseconds });
        await Expect(importRow).ToContainTextAsync(RowsAsShown);
        await console.CheckAsync("datasets");

        await console.NavigateAsync("Solutions");
        await page.GetByLabel("Recipe").SelectOptionAsync(new SelectOptionValue { Label = "aws-popularity-count" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create solution" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Solution console-flow-solution" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Train", Exact = true }).ClickAsync();
        var versions = page.GetByRole(AriaRole.Region, new() { Name = "Versions" }).GetByRole(AriaRole.Row);
        await Expect(versions.Nth(1)).ToContainTextAsync("ACTIVE", new() { Timeout = (float)Slow.TotalMilliseconds });
        // A second version: its metrics chart shows the first as the reference.
        await page.GetByRole(AriaRole.Button, new() { Name = "Train", Exact = true }).ClickAsync();
        await Expect(versions).ToHaveCountAsync(3);
        await Expect(versions.Nth(1)).ToContainTextAsync("ACTIVE", new() { Timeout = (float)Slow.TotalMilliseconds });
        var metrics = page.GetByRole(AriaRole.Region, new() { Name = "Offline metrics" });
        await Expect(metrics.GetByRole(AriaRole.Img).First).ToContainTextAsync("NDCG@10");
        await Expect(metrics.Locator("figure").First).ToContainTextAsync("Previous version");
        var version = versions.Nth(1);
        await console.CheckAsync("solution");

        await version.GetByRole(AriaRole.Link, new() { Name = "Deploy as campaign" }).ClickAsync();
        await page.GetByLabel("Return item metadata (enableMetadataWithRecommendations)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Deploy campaign" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Campaign", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Status and configuration" }))
            .ToContainTextAsync("ACTIVE", new() { Timeout = (float)Slow.TotalMilliseconds });

        await page.GetByLabel("User id").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Get recommendations" }).ClickAsync();
        var results = page.GetByRole(AriaRole.Table).Filter(new() { HasText = "recommendationId" });
        await Expect(results.GetByRole(AriaRole.Row)).ToHaveCountAsync(11);
        // Attune's raw explanation member: popularity-count answers with its basis for every item.
        await Expect(results.Locator(".explanation").First).Not.ToBeEmptyAsync();
        await console.CheckAsync("campaign-try-it");

        // Online metrics come from metric attribution (another branch): charts when it has data, "No data" otherwise.
        await page.GetByRole(AriaRole.Link, new() { Name = "Online metrics of this campaign" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Charts" }).Locator(".no-data, figure").First).ToBeVisibleAsync();
        await console.CheckAsync("online-metrics-campaign");

        await console.NavigateAsync("Campaigns & recommenders");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "console-flow-solution-campaign" })).ToBeVisibleAsync();
        await console.CheckAsync("campaigns");
    }

    /// <summary>The first rows of ml-latest-small's interactions (header included), as a user would upload them.</summary>
    private static async Task<string> InteractionsSliceAsync()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("attune-console-").FullName, "interactions.csv");
        var lines = File.ReadLines(Path.Combine(RepositoryPaths.Data, "ml-latest-small", "interactions.csv")).Take(Rows + 1);
        await File.WriteAllLinesAsync(path, lines, TestContext.Current.CancellationToken);
        return path;
    }
}
