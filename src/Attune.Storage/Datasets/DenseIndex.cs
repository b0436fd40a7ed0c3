namespace Attune.Storage.Datasets;

/// <summary>Renumbers stored dictionary indices densely in order of first appearance and resolves their names.</summary>
public sealed class DenseIndex(long maxStored)
{
    private int[] _dense = new int[maxStored + 1];
    private int _count;

    public int Map(long stored)
    {
        if (stored >= _dense.Length)
        {
            Array.Resize(ref _dense, (int)stored + 1);
        }

        // Slots hold dense index + 1 so that the zeroed array means "not seen yet".
        ref var slot = ref _dense[stored];
        if (slot == 0)
        {
            slot = ++_count;
        }

        return slot - 1;
    }

    /// <summary>The names of the mapped indices in dense order; <paramref name="dictionary"/> is read only when some index was mapped.</summary>
    public string[] Names(Func<IEnumerable<(long Stored, string Id)>> dictionary)
    {
        var names = new string[_count];
        if (_count == 0)
        {
            return names;
        }

        foreach (var (stored, id) in dictionary())
        {
            if (stored < _dense.Length && _dense[stored] > 0)
            {
                names[_dense[stored] - 1] = id;
            }
        }

        return names;
    }
}
