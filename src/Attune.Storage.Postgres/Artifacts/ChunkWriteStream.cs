using Npgsql;

namespace Attune.Storage.Postgres.Artifacts;

/// <summary>A write-only stream that stores what it is given as numbered chunks of one model generation.</summary>
internal sealed class ChunkWriteStream(NpgsqlConnection connection, Guid generation) : Stream
{
    private readonly byte[] _buffer = new byte[PostgresModelArtifacts.ChunkSize];
    private int _buffered;
    private int _chunk;
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var take = Math.Min(buffer.Length, _buffer.Length - _buffered);
            buffer[..take].CopyTo(_buffer.AsSpan(_buffered));
            _buffered += take;
            _length += take;
            buffer = buffer[take..];
            if (_buffered == _buffer.Length)
            {
                StoreChunk();
            }
        }
    }

    /// <summary>Stores the partly filled last chunk; call once, after the last write.</summary>
    public override void Flush()
    {
        if (_buffered > 0)
        {
            StoreChunk();
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void StoreChunk()
    {
        Sql.Execute(connection, "INSERT INTO attune_model_chunks (generation, chunk, data) VALUES (@generation, @chunk, @data)",
            ("generation", generation), ("chunk", _chunk), ("data", new ArraySegment<byte>(_buffer, 0, _buffered)));
        _chunk++;
        _buffered = 0;
    }
}
