using Npgsql;

namespace Attune.Storage.Postgres.Artifacts;

/// <summary>A read-only stream over one model generation's chunks, fetched one at a time inside a snapshot it owns with its connection.</summary>
internal sealed class ChunkReadStream(NpgsqlConnection connection, NpgsqlTransaction snapshot, Guid generation, long length) : Stream
{
    private byte[] _chunk = [];
    private int _offset;
    private int _nextChunk;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_offset == _chunk.Length)
        {
            if (_position >= length)
            {
                return 0;
            }

            var rows = Sql.Rows(connection, "SELECT data FROM attune_model_chunks WHERE generation = @generation AND chunk = @chunk",
                reader => (byte[])reader.GetValue(0), ("generation", generation), ("chunk", _nextChunk));
            _chunk = rows.Count == 1 ? rows[0] : throw new InvalidDataException($"Chunk {_nextChunk} of model generation {generation} is missing.");
            _nextChunk++;
            _offset = 0;
        }

        var take = Math.Min(buffer.Length, _chunk.Length - _offset);
        _chunk.AsSpan(_offset, take).CopyTo(buffer);
        _offset += take;
        _position += take;
        return take;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            snapshot.Dispose();
            connection.Dispose();
        }

        base.Dispose(disposing);
    }
}
