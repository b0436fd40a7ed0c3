namespace Attune.Storage.Csv;

/// <summary>
/// Streaming RFC 4180 reader over UTF-8 text: comma-separated, double-quoted fields with <c>""</c> for a quote, plus
/// Personalize's <c>\"</c> and <c>\\</c> escapes inside quoted fields. LF or CRLF line ends; blank lines are skipped.
/// Fields are exposed as spans valid until the next <see cref="Read"/>.
/// </summary>
internal sealed class CsvRecordReader : IDisposable
{
    private const int InitialBufferChars = 1 << 16;

    private readonly TextReader _reader;
    private char[] _buffer = new char[InitialBufferChars];
    private char[] _scratch = new char[256];
    private FieldSpan[] _fields = new FieldSpan[16];
    private int _start;
    private int _end;
    private bool _eof;
    private int _scratchLength;
    private long _nextLine = 1;

    public CsvRecordReader(Stream stream)
    {
        _reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    /// <summary>The 1-based line on which the current record starts.</summary>
    public long LineNumber { get; private set; }

    public int FieldCount { get; private set; }

    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            var field = _fields[index];
            return field.InScratch ? _scratch.AsSpan(field.Start, field.Length) : _buffer.AsSpan(field.Start, field.Length);
        }
    }

    /// <summary>Advances to the next non-blank record; false at the end of the input.</summary>
    public bool Read()
    {
        while (true)
        {
            if (!TryParseRecord(out var consumedTo, out var lines))
            {
                if (_eof)
                {
                    return false;
                }

                Fill();
                continue;
            }

            LineNumber = _nextLine;
            _nextLine += lines;
            _start = consumedTo;
            var blank = FieldCount == 1 && _fields[0].Length == 0 && !_fields[0].InScratch;
            if (!blank)
            {
                return true;
            }
        }
    }

    public void Dispose() => _reader.Dispose();

    private void Fill()
    {
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    // Parses one record starting at _start. False when the buffer ends first (and more input may follow) or
    // when there is nothing left at all.
    private bool TryParseRecord(out int consumedTo, out int lines)
    {
        consumedTo = _start;
        lines = 0;
        FieldCount = 0;
        _scratchLength = 0;
        var pos = _start;
        if (pos >= _end)
        {
            return false;
        }

        var buffer = _buffer;
        while (true)
        {
            char terminator;
            if (pos < _end && buffer[pos] == '"')
            {
                if (!TryParseQuoted(ref pos, ref lines))
                {
                    return false;
                }

                if (pos >= _end)
                {
                    if (!_eof)
                    {
                        return false;
                    }

                    terminator = '\n';
                }
                else
                {
                    terminator = buffer[pos];
                    if (terminator is not (',' or '\n' or '\r'))
                    {
                        throw new CsvFormatException(_nextLine + lines, $"unexpected character '{terminator}' after a closing quote.");
                    }
                }
            }
            else
            {
                var fieldStart = pos;
                while (pos < _end && buffer[pos] is not (',' or '\n' or '\r'))
                {
                    pos++;
                }

                if (pos >= _end && !_eof)
                {
                    return false;
                }

                AddField(new FieldSpan(fieldStart, pos - fieldStart, InScratch: false));
                terminator = pos < _end ? buffer[pos] : '\n';
            }

            if (terminator == ',')
            {
                pos++;
                continue;
            }

            if (pos < _end)
            {
                if (buffer[pos] == '\r')
                {
                    if (pos + 1 >= _end && !_eof)
                    {
                        return false;
                    }

                    pos += pos + 1 < _end && buffer[pos + 1] == '\n' ? 2 : 1;
                }
                else
                {
                    pos++;
                }
            }

            lines++;
            consumedTo = pos;
            return true;
        }
    }

    // pos is at the opening quote; on success it is just past the closing quote and the unescaped field is in scratch.
    private bool TryParseQuoted(ref int pos, ref int lines)
    {
        var buffer = _buffer;
        var scratchStart = _scratchLength;
        var p = pos + 1;
        var segment = p;
        while (true)
        {
            if (p >= _end)
            {
                return _eof ? throw new CsvFormatException(_nextLine, "a quoted field is not closed.") : false;
            }

            var c = buffer[p];
            if (c is '"' or '\\')
            {
                if (p + 1 >= _end && !_eof)
                {
                    return false;
                }

                var next = p + 1 < _end ? buffer[p + 1] : '\0';
                if (c == '"' && next != '"')
                {
                    AppendScratch(segment, p - segment);
                    pos = p + 1;
                    AddField(new FieldSpan(scratchStart, _scratchLength - scratchStart, InScratch: true));
                    return true;
                }

                if (c == '"' || next is '"' or '\\')
                {
                    // "" or \" or \\ : keep the second character literally.
                    AppendScratch(segment, p - segment);
                    segment = p + 1;
                    p += 2;
                    continue;
                }
            }
            else if (c == '\n')
            {
                lines++;
            }

            p++;
        }
    }

    private void AppendScratch(int start, int length)
    {
        if (_scratchLength + length > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchLength + length));
        }

        _buffer.AsSpan(start, length).CopyTo(_scratch.AsSpan(_scratchLength));
        _scratchLength += length;
    }

    private void AddField(FieldSpan field)
    {
        if (FieldCount == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        _fields[FieldCount++] = field;
    }

    private readonly record struct FieldSpan(int Start, int Length, bool InScratch);
}
