using Attune.Server.Hosting;

namespace Attune.Server.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void A_value_less_flag_sets_true_and_a_repeated_flag_fills_a_list()
    {
        var normalized = CommandLine.Normalize(
            ["--allow-file-imports", "--file-root", "/a", "--data-dir", "d", "--file-root=/b"]);

        Assert.Equal(
            ["--Attune:Imports:AllowFiles", "true", "--Attune:FileRoots:0", "/a", "--data-dir", "d", "--Attune:FileRoots:1", "/b"],
            normalized);
    }

    [Fact]
    public void A_value_less_flag_is_not_missing_its_value_and_a_repeated_one_needs_one()
    {
        Assert.Empty(CommandLine.UnknownFlags(["--allow-file-imports", "--file-root", "/a"]));
        Assert.Equal(["option '--file-root' needs a value"], CommandLine.UnknownFlags(["--allow-file-imports", "--file-root"]));
    }
}
