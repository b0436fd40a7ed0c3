using Attune.Contracts.Resources;

namespace Attune.Contracts.Tests.Resources;

/// <summary>Asserts that a stored Describe body reads into its record and writes back byte for byte.</summary>
internal static class RoundTrip
{
    public static void AssertIdentical<T>(string body)
    {
        var record = DescribeBody.Read<T>(body);
        Assert.Equal(body, DescribeBody.Text(record));
    }
}
