using System.Collections.Frozen;
using Attune.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Attune.Server.Quotas;

/// <summary>The quotas in force for each account, resolved once from Attune:Quotas (an account's overrides over the defaults over the built-in values).</summary>
public sealed class QuotaTable
{
    private readonly FrozenDictionary<string, AccountQuotas> _accounts;
    private readonly AccountQuotas _others;

    public QuotaTable(IOptions<AttuneOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var quotas = options.Value.Quotas;
        _others = AccountQuotas.BuiltIn.With(quotas.Defaults);
        _accounts = quotas.Accounts.ToFrozenDictionary(a => a.Key, a => _others.With(a.Value), StringComparer.Ordinal);
    }

    public AccountQuotas For(string accountId) => _accounts.GetValueOrDefault(accountId, _others);
}
