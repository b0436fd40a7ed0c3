namespace Attune.Server.WebConsole;

/// <summary>Events per second over the last ten seconds, in ten one-second buckets (O(1) per add).</summary>
internal sealed class EventRate
{
    private const int Seconds = 10;
    private readonly long[] _counts = new long[Seconds];
    private readonly long[] _second = new long[Seconds];
    private readonly Lock _lock = new();

    public void Add(int events, DateTimeOffset now)
    {
        var second = now.ToUnixTimeSeconds();
        var slot = (int)(second % Seconds);
        lock (_lock)
        {
            if (_second[slot] != second)
            {
                _second[slot] = second;
                _counts[slot] = 0;
            }
            _counts[slot] += events;
        }
    }

    public double PerSecond(DateTimeOffset now)
    {
        var second = now.ToUnixTimeSeconds();
        long total = 0;
        lock (_lock)
        {
            for (var slot = 0; slot < Seconds; slot++)
            {
                if (second - _second[slot] < Seconds)
                {
                    total += _counts[slot];
                }
            }
        }
        return total / (double)Seconds;
    }
}
