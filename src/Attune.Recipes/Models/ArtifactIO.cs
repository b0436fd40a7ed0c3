using System.Runtime.InteropServices;

namespace Attune.Recipes.Models;

/// <summary>Raw little-endian array blocks inside a model artifact.</summary>
internal static class ArtifactIO
{
    public static void WriteArray<T>(BinaryWriter writer, T[] values)
        where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    public static T[] ReadArray<T>(BinaryReader reader)
        where T : unmanaged
    {
        int length = reader.ReadInt32();
        if (length < 0)
        {
            throw new InvalidDataException("Negative array length in model artifact.");
        }

        var values = new T[length];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>
    /// Reads an array block in chunks of at most <paramref name="chunkLength"/> values, handing each (with the index of its
    /// first value) to <paramref name="take"/>: a reader that keeps only part of a large block never holds all of it.
    /// </summary>
    public static int ReadArrayInChunks<T>(BinaryReader reader, int chunkLength, Action<T[], int, int> take)
        where T : unmanaged
    {
        int length = reader.ReadInt32();
        if (length < 0)
        {
            throw new InvalidDataException("Negative array length in model artifact.");
        }

        var chunk = new T[Math.Min(length, chunkLength)];
        for (int offset = 0; offset < length; offset += chunk.Length)
        {
            int count = Math.Min(chunk.Length, length - offset);
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(chunk.AsSpan(0, count)));
            take(chunk, offset, count);
        }

        return length;
    }

    public static void WriteStrings(BinaryWriter writer, string[] values)
    {
        writer.Write(values.Length);
        foreach (string value in values)
        {
            writer.Write(value);
        }
    }

    /// <summary>The strings of a block; an empty array when <paramref name="keep"/> is false (read past, not kept).</summary>
    public static string[] ReadStrings(BinaryReader reader, bool keep = true)
    {
        int length = reader.ReadInt32();
        var values = keep ? new string[length] : [];
        for (int i = 0; i < length; i++)
        {
            string value = reader.ReadString();
            if (keep)
            {
                values[i] = value;
            }
        }

        return values;
    }
}
