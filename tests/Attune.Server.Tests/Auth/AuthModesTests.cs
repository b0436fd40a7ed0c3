using Attune.Server.Auth;

namespace Attune.Server.Tests.Auth;

/// <summary>none only where nobody else can reach the port; sigv4 everywhere else unless --insecure says otherwise.</summary>
public sealed class AuthModesTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", false, null, false, AuthMode.None)]
    [InlineData("http://localhost:5080;http://[::1]:5081", false, null, false, AuthMode.None)]
    [InlineData("http://0.0.0.0:5080", false, null, false, AuthMode.SigV4)]
    [InlineData("http://*:5080", false, null, false, AuthMode.SigV4)]
    [InlineData("http://127.0.0.1:5080;http://10.0.0.5:5080", false, null, false, AuthMode.SigV4)]
    [InlineData("http://127.0.0.1:5080", true, null, false, AuthMode.SigV4)]
    [InlineData("http://0.0.0.0:5080", false, null, true, AuthMode.None)]
    [InlineData("http://127.0.0.1:5080", true, null, true, AuthMode.None)]
    [InlineData("http://127.0.0.1:5080", false, "sigv4", false, AuthMode.SigV4)]
    [InlineData("http://0.0.0.0:5080", false, "none", true, AuthMode.None)]
    public void The_mode_follows_where_the_server_listens(string urls, bool cluster, string? configured, bool insecure, AuthMode expected)
    {
        var decision = AuthModes.Decide(new AuthOptions { Mode = configured, Insecure = insecure }, urls.Split(';'), cluster, out var problem);

        Assert.Null(problem);
        Assert.Equal(expected, decision.Mode);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080", false, "none", "--insecure")]
    [InlineData("http://127.0.0.1:5080", true, "none", "cluster")]
    [InlineData("http://127.0.0.1:5080", false, "basic", "none or sigv4")]
    public void Refusals_name_the_way_out(string urls, bool cluster, string configured, string named)
    {
        AuthModes.Decide(new AuthOptions { Mode = configured }, [urls], cluster, out var problem);

        Assert.NotNull(problem);
        Assert.Contains(named, problem, StringComparison.Ordinal);
    }
}
