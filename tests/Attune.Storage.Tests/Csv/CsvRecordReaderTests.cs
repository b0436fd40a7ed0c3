using System.Text;
using Attune.Storage.Csv;

namespace Attune.Storage.Tests.Csv;

public sealed class CsvRecordReaderTests
{
    [Fact]
    public void Quoted_commas_doubled_quotes_and_backslash_escapes_are_unescaped()
    {
        var records = ReadAll("a,\"b,c\",\"say \"\"hi\"\"\",\"back \\\"slash\\\" \\\\ end\",\"C:\\dir\"\n");

        Assert.Equal([["a", "b,c", "say \"hi\"", "back \"slash\" \\ end", "C:\\dir"]], records);
    }

    [Fact]
    public void Crlf_line_ends_blank_lines_and_missing_final_newline_are_handled()
    {
        var records = ReadAll("h1,h2\r\n\r\n1,2\r\n\n3,\n4,5");

        Assert.Equal([["h1", "h2"], ["1", "2"], ["3", ""], ["4", "5"]], records);
    }

    [Fact]
    public void Quoted_field_may_span_lines_and_line_numbers_count_physical_lines()
    {
        using var reader = Reader("h\n\"two\nlines\"\nnext\n");
        var lines = new List<(long, string)>();
        while (reader.Read())
        {
            lines.Add((reader.LineNumber, reader[0].ToString()));
        }

        Assert.Equal([(1L, "h"), (2L, "two\nlines"), (4L, "next")], lines);
    }

    [Fact]
    public void Empty_quoted_field_is_kept_and_not_a_blank_line()
    {
        Assert.Equal([["x"], [""], ["y"]], ReadAll("x\n\"\"\ny\n"));
    }

    [Fact]
    public void Records_longer_than_the_buffer_are_read_whole()
    {
        var longValue = new string('v', 200_000);

        var records = ReadAll($"a,\"{longValue}\"\nb,{longValue}\n");

        Assert.Equal(longValue, records[0][1]);
        Assert.Equal(longValue, records[1][1]);
    }

    [Fact]
    public void Utf8_bom_is_skipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("USER_ID\nü\n")).ToArray();
        using var reader = new CsvRecordReader(new MemoryStream(bytes));

        Assert.True(reader.Read());
        Assert.Equal("USER_ID", reader[0].ToString());
        Assert.True(reader.Read());
        Assert.Equal("ü", reader[0].ToString());
    }

    [Theory]
    [InlineData("a\n\"open,b\n", 2, "not closed")]
    [InlineData("a\n\"x\"y,b\n", 2, "after a closing quote")]
    public void Malformed_quoting_reports_the_line(string text, long line, string message)
    {
        var error = Assert.Throws<CsvFormatException>(() => ReadAll(text));

        Assert.Equal(line, error.LineNumber);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static CsvRecordReader Reader(string text) => new(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    private static List<string[]> ReadAll(string text)
    {
        using var reader = Reader(text);
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader[i].ToString()).ToArray());
        }

        return records;
    }
}
