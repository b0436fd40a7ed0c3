using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests.WebConsole;

/// <summary>Over HTTPS the session cookie is also Secure, so a browser never sends it over plain HTTP.</summary>
public sealed class ConsoleHttpsSessionTests
{
    [Fact]
    public async Task Signing_in_over_https_sets_a_Secure_HttpOnly_SameSite_Strict_cookie()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("attune-console-https-");
        var keys = Path.Combine(folder.FullName, "keys.csv");
        var (id, secret) = ("AKAT" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)));
        await File.WriteAllTextAsync(keys, $"accessKeyId,secretAccessKey,accountId\n{id},{secret},444444444444\n", cancellation);
        using var certificate = new SelfSignedCertificate();
        await using var server = new ServerProcess(https: certificate, extraArguments: ["--auth", "sigv4", "--access-keys", keys]);
        await server.StartAsync(cancellation);
        using var http = new HttpClient(certificate.TrustingHandler(), disposeHandler: true) { BaseAddress = new Uri(server.Endpoint) };
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/console/api/session") { Content = JsonContent.Create(new { accessKeyId = id, secretAccessKey = secret }) };
        signIn.Headers.Add("X-Attune-Console", "1");

        using var response = await http.SendAsync(signIn, cancellation);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie")).ToLowerInvariant();
        Assert.Contains("; secure", cookie, StringComparison.Ordinal);
        Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("; samesite=strict", cookie, StringComparison.Ordinal);
        folder.Delete(recursive: true);
    }
}
