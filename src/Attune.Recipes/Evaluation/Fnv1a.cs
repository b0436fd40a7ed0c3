using System.Text;

namespace Attune.Recipes.Evaluation;

/// <summary>FNV-1a 32-bit over the UTF-8 bytes of an id: the protocol's user bucketing.</summary>
public static class Fnv1a
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public static uint Hash(string value)
    {
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        Span<byte> buffer = max <= 512 ? stackalloc byte[max] : new byte[max];
        int length = Encoding.UTF8.GetBytes(value, buffer);
        uint hash = OffsetBasis;
        foreach (byte b in buffer[..length])
        {
            hash = unchecked((hash ^ b) * Prime);
        }

        return hash;
    }

    /// <summary>The user's bucket 0..9; bucket 0 holds test users, bucket 1 validation users.</summary>
    public static int Bucket(string userId) => (int)(Hash(userId) % 10);
}
