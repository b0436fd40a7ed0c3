using Attune.Grains.Tests;
using Attune.Server.Hosting;
using Attune.Server.Quotas;
using Attune.Server.Wire;
using Microsoft.Extensions.Options;

namespace Attune.Server.Tests.Quotas;

public sealed class RequestRatesTests
{
    private const string Account = "111111111111";
    private const string Other = "222222222222";
    private readonly ManualClock _clock = new();

    [Fact]
    public void A_full_bucket_admits_its_burst_at_once_then_throttles_with_a_retryable_400()
    {
        var rates = Rates(new QuotaLimits { ControlPlaneRequestsPerSecond = 2, ControlPlaneBurst = 3 });
        for (var i = 0; i < 3; i++)
        {
            rates.Admit(Account, "CreateFilter", controlPlane: true);
        }

        var error = Assert.Throws<ApiException>(() => rates.Admit(Account, "CreateFilter", controlPlane: true));

        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Equal(400, error.HttpStatus);
        Assert.Contains("CreateFilter allows 2 requests per second", error.Message, StringComparison.Ordinal);
        Assert.Contains("bursts of 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_come_back_at_the_rate_and_never_beyond_the_burst()
    {
        var rates = Rates(new QuotaLimits { ControlPlaneRequestsPerSecond = 4, ControlPlaneBurst = 2 });
        Drain(rates, "ListFilters", 2);

        _clock.Advance(TimeSpan.FromMilliseconds(125)); // half a token
        Assert.False(Admitted(rates, "ListFilters"));
        _clock.Advance(TimeSpan.FromMilliseconds(125)); // the refused request kept the half: now one whole token
        Assert.True(Admitted(rates, "ListFilters"));
        Assert.False(Admitted(rates, "ListFilters"));

        _clock.Advance(TimeSpan.FromHours(1)); // a long quiet spell fills the bucket, no more
        Assert.Equal(2, Enumerable.Range(0, 5).Count(_ => Admitted(rates, "ListFilters")));
    }

    [Fact]
    public void Each_account_and_operation_has_its_own_bucket()
    {
        var rates = Rates(new QuotaLimits { ControlPlaneRequestsPerSecond = 1, ControlPlaneBurst = 1 });
        Drain(rates, "CreateFilter", 1);

        Assert.False(Admitted(rates, "CreateFilter"));
        Assert.True(Admitted(rates, "DescribeFilter"));
        rates.Admit(Other, "CreateFilter", controlPlane: true);
    }

    [Fact]
    public void Data_plane_operations_take_the_data_plane_limit()
    {
        var rates = Rates(new QuotaLimits { ControlPlaneRequestsPerSecond = 1, ControlPlaneBurst = 1, DataPlaneRequestsPerSecond = 1000, DataPlaneBurst = 50 });

        for (var i = 0; i < 50; i++)
        {
            rates.Admit(Account, "GetRecommendations", controlPlane: false);
        }
        var error = Assert.Throws<ApiException>(() => rates.Admit(Account, "GetRecommendations", controlPlane: false));
        Assert.Contains("DataPlaneRequestsPerSecond", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_account_override_replaces_only_what_it_names_and_zero_is_unlimited()
    {
        var options = new AttuneOptions
        {
            Quotas = new QuotaOptions
            {
                Defaults = new QuotaLimits { ControlPlaneRequestsPerSecond = 1, ControlPlaneBurst = 1 },
                Accounts = { [Account] = new QuotaLimits { ControlPlaneRequestsPerSecond = 0 } },
            },
        };
        var rates = new RequestRates(new QuotaTable(Options.Create(options)), _clock);

        for (var i = 0; i < 10_000; i++)
        {
            rates.Admit(Account, "CreateFilter", controlPlane: true);
        }
        rates.Admit(Other, "CreateFilter", controlPlane: true);
        Assert.Throws<ApiException>(() => rates.Admit(Other, "CreateFilter", controlPlane: true));
    }

    [Fact]
    public void The_built_in_defaults_are_generous()
    {
        var rates = Rates(new QuotaLimits());

        Drain(rates, "CreateSchema", 2_000);
        Assert.False(Admitted(rates, "CreateSchema"));
        for (var i = 0; i < 200_000; i++)
        {
            rates.Admit(Account, "PutEvents", controlPlane: false);
        }
    }

    private RequestRates Rates(QuotaLimits defaults) =>
        new(new QuotaTable(Options.Create(new AttuneOptions { Quotas = new QuotaOptions { Defaults = defaults } })), _clock);

    private static void Drain(RequestRates rates, string operation, int count)
    {
        for (var i = 0; i < count; i++)
        {
            rates.Admit(Account, operation, controlPlane: true);
        }
    }

    private static bool Admitted(RequestRates rates, string operation)
    {
        try
        {
            rates.Admit(Account, operation, controlPlane: true);
            return true;
        }
        catch (ApiException)
        {
            return false;
        }
    }
}
