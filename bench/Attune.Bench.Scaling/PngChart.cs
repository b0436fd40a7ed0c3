using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Attune.Bench.Scaling;

/// <summary>
/// A line chart written as a PNG without a graphics library: series of (x, y) points on a white canvas with a
/// grid, and numeric tick labels in a 3×5 pixel digit font (the titles live in the markdown beside it).
/// </summary>
internal sealed class PngChart(int width = 720, int height = 420)
{
    private const int Left = 70, Right = 40, Top = 20, Bottom = 40, Scale = 2;
    private static readonly string[] Digits =
    [
        "111101101101111", "010110010010111", "111001111100111", "111001111001111", "101101111001001",
        "111100111001111", "111100111101111", "111001001001001", "111101111101111", "111101111001111",
    ];

    private readonly byte[] _rgb = CreateWhite(width, height);

    /// <summary>Draws the axes, grid and every series (each its own colour) scaled to the largest value.</summary>
    public void Draw(IReadOnlyList<(int X, double Y)>[] series, (byte R, byte G, byte B)[] colours)
    {
        var xs = series.SelectMany(s => s).Select(p => p.X).Distinct().Order().ToList();
        var yMax = NiceCeiling(series.SelectMany(s => s).Select(p => p.Y).DefaultIfEmpty(1).Max());
        int PlotX(int x) => Left + (int)((width - Left - Right) * (xs.Count == 1 ? 0.5 : (double)xs.IndexOf(x) / (xs.Count - 1)));
        int PlotY(double y) => height - Bottom - (int)((height - Top - Bottom) * (y / yMax));
        for (var tick = 0; tick <= 5; tick++)
        {
            var y = PlotY(yMax * tick / 5);
            Line(Left, y, width - Right, y, (220, 220, 220));
            Text(((long)(yMax * tick / 5)).ToString(System.Globalization.CultureInfo.InvariantCulture), 4, y - 5);
        }
        foreach (var x in xs)
        {
            Line(PlotX(x), Top, PlotX(x), height - Bottom, (235, 235, 235));
            Text(x.ToString(System.Globalization.CultureInfo.InvariantCulture), PlotX(x) - 3, height - Bottom + 8);
        }
        Line(Left, height - Bottom, width - Right, height - Bottom, (0, 0, 0));
        Line(Left, Top, Left, height - Bottom, (0, 0, 0));
        for (var s = 0; s < series.Length; s++)
        {
            var points = series[s].OrderBy(p => p.X).Select(p => (X: PlotX(p.X), Y: PlotY(p.Y))).ToList();
            for (var i = 1; i < points.Count; i++)
            {
                Line(points[i - 1].X, points[i - 1].Y, points[i].X, points[i].Y, colours[s]);
            }
            foreach (var (x, y) in points)
            {
                Fill(x - 3, y - 3, 7, 7, colours[s]);
            }
        }
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        Chunk(file, "IHDR", header);
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var row = 0; row < height; row++)
            {
                zlib.WriteByte(0); // filter: none
                zlib.Write(_rgb, row * width * 3, width * 3);
            }
        }
        Chunk(file, "IDAT", raw.ToArray());
        Chunk(file, "IEND", []);
    }

    private static byte[] CreateWhite(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        Array.Fill(pixels, (byte)255);
        return pixels;
    }

    private static double NiceCeiling(double value)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(value, 1))));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * power).First(v => v >= value);
    }

    private void Text(string text, int x, int y)
    {
        foreach (var character in text)
        {
            var glyph = Digits[character - '0'];
            for (var i = 0; i < 15; i++)
            {
                if (glyph[i] == '1')
                {
                    Fill(x + (i % 3 * Scale), y + (i / 3 * Scale), Scale, Scale, (60, 60, 60));
                }
            }
            x += 4 * Scale;
        }
    }

    private void Line(int x0, int y0, int x1, int y1, (byte R, byte G, byte B) colour)
    {
        var steps = Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0));
        for (var i = 0; i <= steps; i++)
        {
            var t = steps == 0 ? 0 : (double)i / steps;
            Fill((int)Math.Round(x0 + ((x1 - x0) * t)), (int)Math.Round(y0 + ((y1 - y0) * t)), 2, 2, colour);
        }
    }

    private void Fill(int x, int y, int w, int h, (byte R, byte G, byte B) colour)
    {
        for (var row = Math.Max(0, y); row < Math.Min(height, y + h); row++)
        {
            for (var column = Math.Max(0, x); column < Math.Min(width, x + w); column++)
            {
                var at = ((row * width) + column) * 3;
                (_rgb[at], _rgb[at + 1], _rgb[at + 2]) = colour;
            }
        }
    }

    private static void Chunk(Stream file, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        file.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        file.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        file.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
