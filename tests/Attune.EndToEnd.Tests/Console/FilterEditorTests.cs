using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attune.EndToEnd.Tests.WebConsole;

/// <summary>
/// The filter editor validates as the user types, through the server's parser, and marks the error's position; a valid
/// filter is created and deleted from the page.
/// </summary>
[Collection(ConsoleServerCollection.Name)]
public sealed class FilterEditorTests(ConsoleServer fixture)
{
    [Fact]
    public async Task The_editor_marks_where_a_bad_expression_fails_then_creates_and_deletes_a_filter_from_a_good_one()
    {
        var group = await ConsoleGroup.CreateAsync(fixture, "console-filters");
        await using var console = await fixture.OpenAsync(ConsoleGroup.Page("filters", group));
        var page = console.Page;
        var expression = page.GetByLabel("Filter expression");

        await expression.PressSequentiallyAsync("EXCLUDE ItemID WERE Interactions.EVENT_TYPE IN (\"click\")");
        await Expect(expression).ToHaveAttributeAsync("aria-invalid", "true");
        var mark = page.Locator(".marked-expression mark");
        await Expect(mark).ToBeVisibleAsync();
        // The mark starts where the parser stopped: at the misspelt WHERE, not before it.
        var marked = await page.Locator(".marked-expression").EvaluateAsync<int>("e => e.firstChild.textContent.length");
        Assert.Equal("EXCLUDE ItemID ".Length, marked);
        await Expect(page.Locator("#filter-validation")).ToContainTextAsync("found 'WERE'");
        await console.CheckAsync("filter-editor-error");

        await expression.FillAsync(string.Empty);
        await expression.PressSequentiallyAsync("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\")");
        await Expect(page.Locator("#filter-validation")).ToHaveTextAsync("Valid expression.");
        await Expect(expression).ToHaveAttributeAsync("aria-invalid", "false");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("no-clicks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create filter" }).ClickAsync();
        var filter = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "no-clicks" });
        await Expect(filter).ToContainTextAsync("ACTIVE");
        await console.CheckAsync("filters");

        page.Dialog += (_, dialog) => dialog.AcceptAsync(); // "Delete filter no-clicks?"
        await filter.GetByRole(AriaRole.Button, new() { Name = "Delete filter no-clicks" }).ClickAsync();
        await Expect(page.GetByText("No filters yet.")).ToBeVisibleAsync();
    }
}
