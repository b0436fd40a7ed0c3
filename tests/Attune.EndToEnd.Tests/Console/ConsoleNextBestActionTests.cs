using System.Globalization;
using System.Text.RegularExpressions;
using Attune.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attune.EndToEnd.Tests.WebConsole;

/// <summary>
/// An aws-next-best-action campaign's "try it" calls GetActionRecommendations: its actions and scores are shown. The
/// group (Actions and Action_Interactions from small generated CSVs), solution version and campaign are made through
/// the API.
/// </summary>
[Collection(ConsoleServerCollection.Name)]
public sealed class ConsoleNextBestActionTests(ConsoleServer fixture)
{
    private const string Name = "console-nba";
    private const string Actions =
        """{"type":"record","name":"Actions","namespace":"com.amazonaws.personalize.schema","fields":[{"name":"ACTION_ID","type":"string"},{"name":"CATEGORY","type":"string","categorical":true}],"version":"1.0"}""";
    private const string ActionInteractions =
        """{"type":"record","name":"ActionInteractions","namespace":"com.amazonaws.personalize.schema","fields":[{"name":"USER_ID","type":"string"},{"name":"ACTION_ID","type":"string"},{"name":"TIMESTAMP","type":"long"},{"name":"EVENT_TYPE","type":"string"}],"version":"1.0"}""";

    [Fact]
    public async Task A_next_best_action_campaigns_try_it_shows_the_actions_GetActionRecommendations_answers()
    {
        var (group, campaign) = await DeployedAsync(TestContext.Current.CancellationToken);
        await using var console = await fixture.OpenAsync($"/console/campaign?arn={Uri.EscapeDataString(campaign)}&group={Uri.EscapeDataString(group)}");
        var page = console.Page;

        await page.GetByLabel("User id").FillAsync("u1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Get action recommendations" }).ClickAsync();
        var results = page.GetByRole(AriaRole.Table).Filter(new() { HasText = "recommendationId" });
        // u1, like every odd user, took the travel actions b0..b2 and only viewed the savings ones.
        await Expect(results.GetByRole(AriaRole.Columnheader, new() { Name = "Action" })).ToBeVisibleAsync();
        await Expect(results.Locator("tbody tr").First.Locator("code")).ToHaveTextAsync(new Regex("^b[0-2]$"));
        await console.CheckAsync("campaign-next-best-action");
    }

    private async Task<(string Group, string Campaign)> DeployedAsync(CancellationToken cancellationToken)
    {
        using var api = new ControlPlaneClient(fixture.Server.Endpoint);
        var timeout = TimeSpan.FromSeconds(60);
        var group = await api.CreateActiveAsync("CreateDatasetGroup", new { name = Name }, "datasetGroupArn", timeout, cancellationToken);
        var folder = Path.Combine(fixture.Server.ObjectRoot, Name);
        Directory.CreateDirectory(folder);
        await File.WriteAllLinesAsync(Path.Combine(folder, "actions.csv"),
            ["ACTION_ID,CATEGORY", .. Enumerable.Range(0, 3).SelectMany(k => new[] { $"a{k},savings", $"b{k},travel" })], cancellationToken);
        await File.WriteAllLinesAsync(Path.Combine(folder, "action_interactions.csv"), ActionInteractionRows(), cancellationToken);
        foreach (var (type, schema, file) in new[] { ("Actions", Actions, "actions.csv"), ("Action_Interactions", ActionInteractions, "action_interactions.csv") })
        {
            var schemaArn = (await api.CallAsync("CreateSchema", new { name = $"{Name}-{type.ToLowerInvariant()}", schema }, cancellationToken)).GetProperty("schemaArn").GetString();
            var dataset = await api.CreateActiveAsync("CreateDataset", new { name = $"{Name}-{type.ToLowerInvariant()}", schemaArn, datasetGroupArn = group, datasetType = type },
                "datasetArn", timeout, cancellationToken);
            await api.CreateActiveAsync("CreateDatasetImportJob", new { jobName = $"{Name}-{type.ToLowerInvariant()}", datasetArn = dataset, dataSource = new { dataLocation = $"s3://{Name}/{file}" } },
                "datasetImportJobArn", timeout, cancellationToken);
        }
        var solution = await api.CreateActiveAsync("CreateSolution",
            new { name = Name, datasetGroupArn = group, recipeArn = "arn:aws:personalize:::recipe/aws-next-best-action", performAutoTraining = false },
            "solutionArn", timeout, cancellationToken);
        var version = await api.CreateActiveAsync("CreateSolutionVersion", new { solutionArn = solution }, "solutionVersionArn", timeout, cancellationToken);
        var campaign = await api.CreateActiveAsync("CreateCampaign", new { name = Name, solutionVersionArn = version }, "campaignArn", timeout, cancellationToken);
        return (group, campaign);
    }

    /// <summary>40 users in the last 60 days: even ones take the savings actions a0..a2, odd ones the travel ones.</summary>
    private static IEnumerable<string> ActionInteractionRows()
    {
        yield return "USER_ID,ACTION_ID,TIMESTAMP,EVENT_TYPE";
        var start = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - (60 * 86400);
        for (var user = 0; user < 40; user++)
        {
            var (own, other) = user % 2 == 0 ? ("a", "b") : ("b", "a");
            for (var k = 0; k < 3; k++)
            {
                var time = start + (user * 100) + k;
                yield return string.Create(CultureInfo.InvariantCulture, $"u{user},{own}{k},{time},TAKEN");
                yield return string.Create(CultureInfo.InvariantCulture, $"u{user},{other}{k},{time},VIEWED");
            }
        }
    }
}
