using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Attune.Bench.InProcess;

/// <summary>
/// One keep-alive HTTP/1.1 connection that sends prepared request bytes and reads each response into one reused
/// buffer: allocation-free once warm, so the process's allocations per request are the server's.
/// </summary>
internal sealed class RawHttpClient : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly byte[] _buffer = new byte[1 << 20];

    public static async Task<RawHttpClient> ConnectAsync(int port)
    {
        var client = new RawHttpClient();
        await client._socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        return client;
    }

    public static byte[] Post(int port, string path, string json) => Encoding.UTF8.GetBytes(
        $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}");

    public static byte[] Get(int port, string path) => Encoding.UTF8.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n");

    /// <summary>Sends the request and reads the whole 200 response; returns its length. Throws on any other status.</summary>
    public async ValueTask<int> SendAsync(byte[] request)
    {
        await _socket.SendAsync(request.AsMemory(), SocketFlags.None, CancellationToken.None);
        int filled = 0;
        int bodyStart = -1;
        int contentLength = -1;
        while (true)
        {
            int read = await _socket.ReceiveAsync(_buffer.AsMemory(filled), SocketFlags.None, CancellationToken.None);
            if (read == 0)
            {
                throw new IOException("The server closed the connection.");
            }
            filled += read;
            if (bodyStart < 0 && HeadersEnd(filled) is int end and >= 0)
            {
                bodyStart = end;
                if (!_buffer.AsSpan().StartsWith("HTTP/1.1 200"u8))
                {
                    throw new InvalidOperationException(Encoding.UTF8.GetString(_buffer, 0, filled));
                }
                contentLength = ContentLength(end);
            }
            if (bodyStart >= 0 && (contentLength >= 0
                ? filled >= bodyStart + contentLength
                : _buffer.AsSpan(0, filled).EndsWith("\r\n0\r\n\r\n"u8)))
            {
                return filled;
            }
        }
    }

    public void Dispose() => _socket.Dispose();

    private int HeadersEnd(int filled)
    {
        int at = _buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8);
        return at < 0 ? -1 : at + 4;
    }

    /// <summary>The Content-Length header's value, or -1 for a chunked response.</summary>
    private int ContentLength(int headersEnd)
    {
        var headers = _buffer.AsSpan(0, headersEnd);
        int at = headers.IndexOf("Content-Length: "u8);
        if (at < 0)
        {
            return -1;
        }
        return Utf8Parser.TryParse(headers[(at + 16)..], out int length, out _)
            ? length
            : throw new InvalidOperationException("A Content-Length header without a number.");
    }
}
