using System.Net;
using System.Net.Sockets;

namespace Attune.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Loopback ports nobody listens on, for servers started by tests. They are drawn below the kernel's ephemeral range:
/// a port the kernel hands out for "port 0" is also what it hands to outgoing connections (HTTP clients, PostgreSQL,
/// silo-to-silo), so one could be taken as a connection's local port before the server binds it. The end-to-end and
/// the cluster test processes run at once and each checks only its own picks, so each draws from its own half of the
/// range (a cluster run once failed "address already in use" on a port the other process had just picked).
/// </summary>
public static class FreePorts
{
    private const int RangeStart = 10_000;
    private static readonly HashSet<int> HandedOut = [11111, 30000]; // the silo and gateway defaults the quickstart test uses
    private static readonly int RangeMiddle = (RangeStart + EphemeralRangeStart()) / 2;
    private static readonly bool UpperHalf = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name == "Attune.Cluster.Tests";
    private static readonly int Lowest = UpperHalf ? RangeMiddle : RangeStart;
    private static readonly int Highest = UpperHalf ? EphemeralRangeStart() - 1 : RangeMiddle - 1;

    public static int Next()
    {
        lock (HandedOut)
        {
            while (true)
            {
                int port = Random.Shared.Next(Lowest, Highest + 1);
                if (HandedOut.Add(port) && IsFree(port))
                {
                    return port;
                }
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of Linux's ephemeral range (32768 by default; where the file is missing, that default).</summary>
    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var start)
            ? Math.Max(start, RangeStart + 2_000)
            : 32_768;
    }
}
