using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace Attune.EndToEnd.Tests.WebConsole;

/// <summary>
/// Console sign-in in sigv4 mode over real HTTP: the key exchanged for an HttpOnly, SameSite=Strict cookie that acts
/// exactly as its key's account, refused without the console header (CSRF) or with a dead session, and ended within
/// seconds when the key is revoked.
/// </summary>
public sealed class ConsoleSignInTests(SigV4ConsoleServer fixture, ConsoleBrowser browser) : IClassFixture<SigV4ConsoleServer>, IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task A_right_key_gets_an_HttpOnly_SameSite_Strict_session_that_acts_in_its_account_and_a_wrong_one_gets_403()
    {
        using var a = new ConsoleClient(fixture.Server.Endpoint);
        using var b = await SignedInAsync(fixture.B);

        var before = await a.SendAsync(HttpMethod.Get, "/console/api/session");
        using var wrong = await a.SignInAsync(fixture.A.Id, fixture.B.Secret);
        var wrongAnswer = await ConsoleClient.JsonOf(wrong);
        using var right = await a.SignInAsync(fixture.A.Id, fixture.A.Secret);
        var after = await a.SendAsync(HttpMethod.Get, "/console/api/session");
        var group = await a.CreateGroupWithInteractionsAsync("signed-in-a");
        var listedByB = await b.CallOkAsync("ListDatasetGroups", new { });
        var describedByB = await b.CallAsync("DescribeDatasetGroup", new { datasetGroupArn = group });

        Assert.Equal("sigv4", before.Body.GetProperty("authMode").GetString());
        Assert.False(before.Body.GetProperty("signedIn").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Contains("wrong", wrongAnswer.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);
        var cookie = Assert.Single(right.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("attune-console=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain http here; https sets Secure
        Assert.True(after.Body.GetProperty("signedIn").GetBoolean());
        Assert.Equal("111111111111", after.Body.GetProperty("accountId").GetString());
        Assert.Equal(fixture.A.Id, after.Body.GetProperty("accessKeyId").GetString());
        Assert.StartsWith("arn:aws:personalize:us-east-1:111111111111:dataset-group/", group, StringComparison.Ordinal);
        Assert.DoesNotContain("signed-in-a", listedByB.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, describedByB.Status); // the ARN account guard: as if it did not exist
        Assert.Equal("ResourceNotFoundException", describedByB.Body.GetProperty("__type").GetString()!.Split('#')[^1]);
        Assert.DoesNotContain(fixture.A.Secret, fixture.Server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(cookie["attune-console=".Length..].Split(';')[0], fixture.Server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cookie_without_the_console_header_an_unknown_cookie_and_a_signed_out_session_are_all_refused()
    {
        using var signedIn = await SignedInAsync(fixture.A);
        var token = signedIn.Cookies.GetCookies(new Uri(fixture.Server.Endpoint))["attune-console"]!.Value;
        using var crossSite = new ConsoleClient(fixture.Server.Endpoint, consoleHeader: false); // what a cross-site form can send
        crossSite.Cookies.Add(new Uri(fixture.Server.Endpoint), new System.Net.Cookie("attune-console", token));
        using var forged = new ConsoleClient(fixture.Server.Endpoint);
        forged.Cookies.Add(new Uri(fixture.Server.Endpoint), new System.Net.Cookie("attune-console", "AAAA" + token[4..]));

        var withoutHeader = await crossSite.CallAsync("CreateDatasetGroup", new { name = "csrf" });
        var signInWithoutHeader = await crossSite.SendAsync(HttpMethod.Post, "/console/api/session", new { accessKeyId = fixture.A.Id, secretAccessKey = fixture.A.Secret });
        var uploadWithoutHeader = await crossSite.SendAsync(HttpMethod.Put, "/console/api/upload?location=s3://csrf/x.csv", new { });
        var unknown = await forged.CallAsync("ListDatasetGroups", new { });
        var working = await signedIn.CallAsync("ListDatasetGroups", new { });
        var signOut = await signedIn.SendAsync(HttpMethod.Delete, "/console/api/session");
        var afterSignOut = await signedIn.CallAsync("ListDatasetGroups", new { }); // its cookie was cleared
        using var replayed = new ConsoleClient(fixture.Server.Endpoint);
        replayed.Cookies.Add(new Uri(fixture.Server.Endpoint), new System.Net.Cookie("attune-console", token));
        var replay = await replayed.CallAsync("ListDatasetGroups", new { });

        Assert.Equal(HttpStatusCode.Forbidden, withoutHeader.Status);
        Assert.Equal("MissingAuthenticationTokenException", ErrorType(withoutHeader.Body));
        Assert.Equal(HttpStatusCode.Forbidden, signInWithoutHeader.Status);
        Assert.Equal(HttpStatusCode.Forbidden, uploadWithoutHeader.Status);
        Assert.Equal(HttpStatusCode.Forbidden, unknown.Status);
        Assert.Equal("UnrecognizedClientException", ErrorType(unknown.Body));
        Assert.Equal(HttpStatusCode.OK, working.Status);
        Assert.Equal(HttpStatusCode.NoContent, signOut.Status);
        Assert.Equal(HttpStatusCode.Forbidden, afterSignOut.Status);
        Assert.Equal(HttpStatusCode.Forbidden, replay.Status);
        Assert.Equal("UnrecognizedClientException", ErrorType(replay.Body));
    }

    [Fact]
    public async Task A_revoked_keys_session_stops_working_within_two_seconds()
    {
        using var console = await SignedInAsync(fixture.Revocable);
        Assert.Equal(HttpStatusCode.OK, (await console.CallAsync("ListDatasetGroups", new { })).Status);

        await fixture.WriteKeysAsync(fixture.A, fixture.B); // the third key's line removed
        var revoked = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            status = (await console.CallAsync("ListDatasetGroups", new { })).Status;
        }
        while (status == HttpStatusCode.OK && revoked.Elapsed < TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.True(revoked.Elapsed < TimeSpan.FromSeconds(2), $"the session still worked {revoked.Elapsed} after its key was revoked");
        Assert.False((await console.SendAsync(HttpMethod.Get, "/console/api/session")).Body.GetProperty("signedIn").GetBoolean());
    }

    [Fact]
    public async Task Console_endpoints_need_a_session_and_stay_in_its_account()
    {
        using var anonymous = new ConsoleClient(fixture.Server.Endpoint);
        using var a = await SignedInAsync(fixture.A);
        using var b = await SignedInAsync(fixture.B);
        var group = await a.CreateGroupWithInteractionsAsync("console-scope-a");

        var validate = await anonymous.SendAsync(HttpMethod.Post, "/console/api/validate-filter", new { filterExpression = "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"x\")" });
        var cluster = await anonymous.SendAsync(HttpMethod.Get, "/console/api/cluster");
        var health = await anonymous.SendAsync(HttpMethod.Get, "/console/api/health");
        var stream = await anonymous.SendAsync(HttpMethod.Get, $"/console/api/event-stream?datasetGroupArn={Uri.EscapeDataString(group)}");
        var upload = await anonymous.SendAsync(HttpMethod.Put, "/console/api/upload?location=s3://anon/x.csv", new { });
        var otherAccountsStream = await b.SendAsync(HttpMethod.Get, $"/console/api/event-stream?datasetGroupArn={Uri.EscapeDataString(group)}");
        var otherAccountsFilter = await b.SendAsync(HttpMethod.Post, "/console/api/validate-filter",
            new { filterExpression = "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"x\")", datasetGroupArn = group });
        using var tooLarge = await a.Http.PutAsync("/console/api/upload?location=s3://limits/too-large.csv",
            new ByteArrayContent(new byte[SigV4ConsoleServer.MaxUploadBytes + 1]), TestContext.Current.CancellationToken);
        var tooLargeAnswer = await ConsoleClient.JsonOf(tooLarge);

        Assert.All([validate.Status, cluster.Status, health.Status, stream.Status, upload.Status], s => Assert.Equal(HttpStatusCode.Forbidden, s));
        Assert.Equal(HttpStatusCode.NotFound, otherAccountsStream.Status);
        Assert.Equal(HttpStatusCode.NotFound, otherAccountsFilter.Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("1000000 bytes", tooLargeAnswer.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(fixture.Server.ObjectRoot, "limits"))
            && Directory.EnumerateFileSystemEntries(Path.Combine(fixture.Server.ObjectRoot, "limits")).Any());
    }

    [Fact]
    public async Task In_the_browser_a_wrong_key_shows_an_error_and_a_right_key_opens_its_accounts_dataset_groups_with_no_secret_readable_by_script()
    {
        using (var b = await SignedInAsync(fixture.B))
        {
            await b.CreateGroupWithInteractionsAsync("browser-b-only");
        }
        await using var console = await browser.OpenAsync($"{fixture.Server.Endpoint}/console/");
        var page = console.Page;

        await Assertions.Expect(page.GetByLabel("Access key id")).ToBeVisibleAsync(); // the shell sends a signed-out visitor to sign-in
        Assert.Contains("/console/sign-in", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Access key id").FillAsync(fixture.A.Id);
        await page.GetByLabel("Secret access key").FillAsync(fixture.B.Secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("wrong");
        await console.ScreenshotAsync("sign-in-wrong-key");

        await page.GetByLabel("Access key id").FillAsync(fixture.A.Id);
        await page.GetByLabel("Secret access key").FillAsync(fixture.A.Secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dataset groups", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("browser-a");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create dataset group" }).ClickAsync();
        var created = page.GetByRole(AriaRole.Link, new() { Name = "browser-a", Exact = true });
        await Assertions.Expect(created).ToBeVisibleAsync();
        await console.ScreenshotAsync("signed-in-dataset-groups");
        var readable = await page.EvaluateAsync<string>("() => JSON.stringify([document.cookie, {...localStorage}, {...sessionStorage}])");

        Assert.Contains("Account 111111111111", await page.Locator("#account").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("arn:aws:personalize:us-east-1:111111111111:dataset-group/browser-a"), await created.GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.DoesNotContain("browser-b-only", await page.GetByRole(AriaRole.Main).InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.A.Secret, readable, StringComparison.Ordinal);
        Assert.DoesNotContain("attune-console", readable, StringComparison.Ordinal); // HttpOnly: script never sees the session
        Assert.All(console.Errors, e => Assert.Contains("status of 403", e, StringComparison.Ordinal)); // only the wrong key's answer
    }

    private async Task<ConsoleClient> SignedInAsync((string Id, string Secret) key)
    {
        var console = new ConsoleClient(fixture.Server.Endpoint);
        using var response = await console.SignInAsync(key.Id, key.Secret);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return console;
    }

    private static string ErrorType(JsonElement error) => error.GetProperty("__type").GetString()!.Split('#')[^1];
}
