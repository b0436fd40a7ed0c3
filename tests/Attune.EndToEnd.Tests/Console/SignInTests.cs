using System.Security.Cryptography;
using Attune.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attune.EndToEnd.Tests.Console;

/// <summary>
/// A sigv4 server: the console asks for an access key, refuses a wrong secret with the server's message, signs in
/// with the right one (the secret is kept nowhere in the browser), works in that key's account, and signs out.
/// </summary>
[Collection(ConsoleServerCollection.Name)]
public sealed class SignInTests(ConsoleServer fixture)
{
    [Fact]
    public async Task A_sigv4_server_signs_in_with_an_access_key_and_signs_out()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("attune-console-keys-").FullName;
        var keysFile = Path.Combine(folder, "keys.csv");
        var keyId = $"AKAT{RandomNumberGenerator.GetHexString(16)}";
        var secret = RandomNumberGenerator.GetHexString(40);
        await File.WriteAllTextAsync(keysFile, $"accessKeyId,secretAccessKey,accountId\n{keyId},{secret},333333333333\n", cancellationToken);
        await using var server = new ServerProcess(extraArguments: ["--auth", "sigv4", "--access-keys", keysFile]);
        await server.StartAsync(cancellationToken);

        await using var console = await fixture.OpenAsync("/console/", server.Endpoint);
        var page = console.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Attune" })).ToBeVisibleAsync();
        await console.CheckAsync("sign-in");

        await page.GetByLabel("Access key id").FillAsync(keyId);
        await page.GetByLabel("Secret access key").FillAsync("not-the-secret");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("wrong");

        await page.GetByLabel("Secret access key").FillAsync(secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dataset groups", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Account 333333333333")).ToBeVisibleAsync();
        var stored = await page.EvaluateAsync<string>("() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie");
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("signed-in-group");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create dataset group" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "signed-in-group" })).ToContainTextAsync("ACTIVE");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Attune" })).ToBeVisibleAsync();
        Directory.Delete(folder, recursive: true);
    }
}
