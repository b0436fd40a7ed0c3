using System.Collections.Concurrent;
using Attune.Storage.Sqlite;

namespace Attune.Storage.Tests.Sqlite;

public sealed class WriteGateTests
{
    [Fact]
    public void A_waiting_writer_gets_the_gate_before_the_holder_can_take_it_again()
    {
        var gate = WriteGate.For("gate-test-" + Guid.NewGuid());
        var order = new ConcurrentQueue<string>();
        gate.Enter();
        var waiter = new Thread(() =>
        {
            gate.Enter();
            order.Enqueue("waiter");
            gate.Exit();
        });
        waiter.Start();
        SpinWait.SpinUntil(() => gate.Waiting == 1);

        gate.Exit();
        gate.Enter();
        order.Enqueue("holder again");
        gate.Exit();
        waiter.Join();

        Assert.Equal(["waiter", "holder again"], order);
        Assert.Equal(0, gate.Waiting);
    }
}
