namespace Attune.EndToEnd.Tests.Infrastructure;

/// <summary>One exported span: ids as hex, the parent empty for a root, and its string attributes.</summary>
public sealed record ReceivedSpan(string TraceId, string SpanId, string ParentSpanId, string Name, IReadOnlyDictionary<string, string> Attributes);

/// <summary>
/// Reads the spans out of an OTLP ExportTraceServiceRequest (protobuf): resource_spans(1) → scope_spans(2) → spans(2);
/// a span's trace_id(1), span_id(2), parent_span_id(4), name(5) and attributes(9) of string values. Only what the
/// tracing test asserts on; everything else is skipped by its wire type.
/// </summary>
public static class OtlpSpans
{
    public static IEnumerable<ReceivedSpan> Read(byte[] request)
    {
        foreach (var resourceSpans in Messages(request, 1))
        {
            foreach (var scopeSpans in Messages(resourceSpans, 2))
            {
                foreach (var span in Messages(scopeSpans, 2))
                {
                    yield return ReadSpan(span);
                }
            }
        }
    }

    private static ReceivedSpan ReadSpan(byte[] span)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        var attributes = new Dictionary<string, string>();
        foreach (var (field, value) in Fields(span))
        {
            switch (field)
            {
                case 1: traceId = Convert.ToHexString(value); break;
                case 2: spanId = Convert.ToHexString(value); break;
                case 4: parent = Convert.ToHexString(value); break;
                case 5: name = System.Text.Encoding.UTF8.GetString(value); break;
                case 9:
                    var key = Fields(value).Where(f => f.Field == 1).Select(f => System.Text.Encoding.UTF8.GetString(f.Value)).FirstOrDefault();
                    var text = Fields(value).Where(f => f.Field == 2).SelectMany(f => Fields(f.Value)).Where(f => f.Field == 1)
                        .Select(f => System.Text.Encoding.UTF8.GetString(f.Value)).FirstOrDefault();
                    if (key is not null && text is not null)
                    {
                        attributes[key] = text;
                    }
                    break;
            }
        }
        return new ReceivedSpan(traceId, spanId, parent, name, attributes);
    }

    private static IEnumerable<byte[]> Messages(byte[] message, int field) =>
        Fields(message).Where(f => f.Field == field).Select(f => f.Value);

    /// <summary>The length-delimited fields of a message (field number, bytes); varint and fixed fields are skipped.</summary>
    private static List<(int Field, byte[] Value)> Fields(byte[] message)
    {
        var fields = new List<(int, byte[])>();
        int at = 0;
        while (at < message.Length)
        {
            var tag = Varint(message, ref at);
            switch (tag & 7)
            {
                case 0: Varint(message, ref at); break;
                case 1: at += 8; break;
                case 5: at += 4; break;
                case 2:
                    var length = (int)Varint(message, ref at);
                    fields.Add(((int)(tag >> 3), message[at..(at + length)]));
                    at += length;
                    break;
                default: throw new FormatException($"Unexpected protobuf wire type {tag & 7}.");
            }
        }
        return fields;
    }

    private static ulong Varint(byte[] message, ref int at)
    {
        ulong value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = message[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
