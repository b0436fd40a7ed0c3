using System.Security.Cryptography;
using Attune.Cluster.Tests.Infrastructure;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.Cluster.Tests;

/// <summary>
/// A silo and a gateway in sigv4 mode with a password in their connection string: boto3 works through both with a
/// real key, and neither the secret access key nor the database password appears anywhere in their output.
/// </summary>
public sealed class ClusterSecurityTests(TestPostgres postgres)
{
    private const string Scenario = """
        import sys, boto3
        from botocore.exceptions import ClientError
        silo, gateway, key, secret = sys.argv[1:5]
        def client(endpoint, service, secret=secret):
            return boto3.client(service, endpoint_url=endpoint, region_name="eu-west-1", aws_access_key_id=key, aws_secret_access_key=secret)
        arn = client(gateway, "personalize").create_dataset_group(name="secure")["datasetGroupArn"]
        assert ":444444444444:" in arn, arn
        assert arn in [g["datasetGroupArn"] for g in client(silo, "personalize").list_dataset_groups()["datasetGroups"]]
        for endpoint in (silo, gateway):
            try:
                client(endpoint, "personalize-runtime").get_recommendations(campaignArn=arn.replace("dataset-group", "campaign"), userId="u")
                raise SystemExit("a campaign that does not exist answered")
            except ClientError as error:
                assert error.response["Error"]["Code"] == "ResourceNotFoundException", error.response
            try:
                client(endpoint, "personalize", secret[::-1]).list_dataset_groups()
                raise SystemExit("a wrong secret was accepted")
            except ClientError as error:
                assert error.response["Error"]["Code"] == "InvalidSignatureException", error.response
        print("OK")
        """;

    [Fact]
    public async Task A_signed_cluster_serves_real_keys_and_never_prints_a_secret_or_the_database_password()
    {
        var token = TestContext.Current.CancellationToken;
        var password = "pg-" + RandomNumberGenerator.GetHexString(24, lowercase: true);
        var (key, secret) = ("AKAT" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16), RandomNumberGenerator.GetHexString(40));
        var keysFile = Path.Combine(Directory.CreateTempSubdirectory("attune-cluster-keys-").FullName, "keys.csv");
        await File.WriteAllTextAsync(keysFile, $"accessKeyId,secretAccessKey,accountId\n{key},{secret},444444444444\n", token);
        // The test server trusts loopback connections, so the password is sent nowhere but still sits in every setting.
        var database = $"{await postgres.CreateDatabaseAsync(token)};Password={password}";
        await using var cluster = new ProcessCluster(database, "--auth", "sigv4", "--access-keys", keysFile);
        var silo = (await cluster.StartSilosAsync(1, token))[0];
        var gateway = await cluster.StartAsync("gateway", token);

        var result = await ExternalCommand.RunAsync("python3", ["-c", Scenario, silo.Endpoint, gateway.Endpoint, key, secret], token);

        Assert.True(result.ExitCode == 0, $"{result}\n{cluster.Output()}");
        var output = cluster.Output();
        Assert.False(output.Contains(secret, StringComparison.Ordinal), "the secret access key appears in a node's output");
        Assert.False(output.Contains(password, StringComparison.Ordinal), "the database password appears in a node's output");
        Assert.Contains("auth:        sigv4", output, StringComparison.Ordinal);
    }
}
