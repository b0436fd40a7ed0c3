using System.Globalization;

namespace Attune.EndToEnd.Tests.Infrastructure;

/// <summary>Generated interactions files, for imports larger or smaller than the shipped datasets.</summary>
public static class InteractionsCsv
{
    /// <summary>A valid interactions CSV (matching <see cref="Schemas.Interactions"/>) of <paramref name="rows"/> rows.</summary>
    public static async Task WriteAsync(string path, int rows, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var writer = new StreamWriter(path);
        await writer.WriteAsync("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n".AsMemory(), cancellationToken);
        for (var i = 0; i < rows; i++)
        {
            await writer.WriteAsync(string.Create(
                CultureInfo.InvariantCulture, $"u{i % 1_000},i{i * 7 % 5_000},{1_700_000_000 + i},click,{i % 5 + 1}\n").AsMemory(), cancellationToken);
        }
    }
}
