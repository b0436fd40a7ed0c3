using Attune.Grains.Imports;

namespace Attune.Grains.Tests.Imports;

public sealed class ImportGatesTests
{
    [Fact]
    public async Task Imports_beyond_the_capacity_wait_for_a_slot_and_one_group_imports_one_at_a_time()
    {
        var token = TestContext.Current.CancellationToken;
        using var gates = new ImportGates(capacity: 2);
        var first = await gates.AcquireAsync("g1", token);
        var second = await gates.AcquireAsync("g2", token);

        var third = gates.AcquireAsync("g3", token);
        var sameGroup = gates.AcquireAsync("g1", token);
        await Task.Delay(100, token);
        Assert.False(third.IsCompleted);
        Assert.False(sameGroup.IsCompleted);

        first.Dispose();
        using var thirdTurn = await third.WaitAsync(TimeSpan.FromSeconds(5), token);
        Assert.False(sameGroup.IsCompleted); // g1's turn came, but every slot is taken
        second.Dispose();
        using var sameGroupTurn = await sameGroup.WaitAsync(TimeSpan.FromSeconds(5), token);
    }

    [Fact]
    public void The_default_capacity_follows_the_cores_within_two_to_eight()
    {
        using var gates = new ImportGates();

        Assert.Equal(Math.Clamp(Environment.ProcessorCount, 2, 8), gates.Capacity);
    }
}
