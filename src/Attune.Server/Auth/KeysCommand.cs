using Attune.Server.Hosting;
using Attune.Storage.Postgres.Resources;
using Attune.Storage.Resources;
using Npgsql;

namespace Attune.Server.Auth;

/// <summary>
/// <c>attune keys create --account ID | list | revoke ACCESS_KEY_ID</c>, with the server's own settings (--data-dir or
/// --cluster, Attune:Auth:KeyEncryptionKey): manages the catalog's access keys without starting a server. The secret
/// is printed once, by create, and stored only encrypted.
/// </summary>
internal static class KeysCommand
{
    private const string Usage = "usage: keys create --account 123456789012 | keys list | keys revoke ACCESS_KEY_ID   [--data-dir DIR | --cluster CONNECTION]";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args);
        builder.Configuration.AddCommandLine(args.SkipWhile(a => !a.StartsWith('-')).ToArray(), new Dictionary<string, string>(CommandLineSwitches.Mappings) { ["--account"] = "account" });
        var configuration = builder.Configuration;
        var attune = configuration.GetSection(AttuneOptions.Section).Get<AttuneOptions>() ?? new AttuneOptions();
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var cluster = configuration[$"{AttuneOptions.Section}:{nameof(ClusterModeOptions.Cluster)}"];
        var isCluster = !string.IsNullOrWhiteSpace(cluster);
        using var owned = isCluster ? NpgsqlDataSource.Create(ClusterModeOptions.ToNpgsqlConnectionString(cluster!)) : null;
        IResourceRegistry registry = owned is not null
            ? new PostgresResourceRegistry(owned)
            : new SqliteResourceRegistry(Path.Combine(attune.FullDataDir, "catalog.db"));
        try
        {
            var verb = args.FirstOrDefault();
            switch (verb)
            {
                case "create":
                    return await CreateAsync(registry, configuration["account"], KeyEncryption.From(auth, attune.FullDataDir, isCluster, create: true));
                case "list":
                    return await ListAsync(registry);
                case "revoke" when args.Length > 1 && !args[1].StartsWith('-'):
                    return await RevokeAsync(registry, args[1]);
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        finally
        {
            (registry as IDisposable)?.Dispose();
        }
    }

    private static async Task<int> CreateAsync(IResourceRegistry registry, string? account, KeyEncryption? encryption)
    {
        if (account is null || !AccessKeyRules.IsAccountId(account))
        {
            await Console.Error.WriteLineAsync($"keys create needs --account with a 12-digit account id{(account is null ? string.Empty : $", not '{account}'")}.");
            return 2;
        }

        if (encryption is null)
        {
            await Console.Error.WriteLineAsync("keys create in a cluster needs Attune:Auth:KeyEncryptionKey (the base64 of 32 bytes, the same on every member).");
            return 2;
        }

        var key = CatalogKeyRecords.NewKey(account);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        if (!await registry.TryInsertAsync(CatalogKeyRecords.ToRecord(key, encryption, now), []))
        {
            await Console.Error.WriteLineAsync("keys create: an access key with that id already exists; run it again.");
            return 1;
        }

        Console.Out.WriteLine($"accessKeyId,secretAccessKey,accountId{Environment.NewLine}{key.AccessKeyId},{key.SecretAccessKey},{key.AccountId}");
        await Console.Error.WriteLineAsync("The secret is shown only now; servers pick the key up within 5 seconds.");
        return 0;
    }

    private static async Task<int> ListAsync(IResourceRegistry registry)
    {
        Console.Out.WriteLine("accessKeyId,accountId,status,created");
        foreach (var record in await CatalogKeyRecords.ListAsync(registry, CancellationToken.None))
        {
            var created = DateTimeOffset.FromUnixTimeMilliseconds((long)(record.CreatedAt * 1000)).ToString("u", System.Globalization.CultureInfo.InvariantCulture);
            Console.Out.WriteLine($"{record.Name},{CatalogKeyRecords.AccountOf(record)},{record.Status},{created}");
        }

        return 0;
    }

    private static async Task<int> RevokeAsync(IResourceRegistry registry, string accessKeyId)
    {
        var record = await registry.GetAsync(CatalogKeyRecords.Arn(accessKeyId));
        if (record is null || record.Kind != CatalogKeyRecords.Kind)
        {
            await Console.Error.WriteLineAsync($"keys revoke: no access key {accessKeyId} in the catalog.");
            return 1;
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        await registry.UpdateAsync(record with { Status = CatalogKeyRecords.Revoked, UpdatedAt = now });
        Console.Out.WriteLine($"{accessKeyId} revoked; servers stop accepting it within 5 seconds.");
        return 0;
    }
}
