using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Attune.Server.Auth;

/// <summary>
/// Verifies AWS Signature Version 4 as AWS does for Personalize's three services (README "Security"): header or
/// presigned query auth; the credential scope's date, service and terminator; X-Amz-Date within 15 minutes (a
/// presigned URL until X-Amz-Expires); the payload hash; then the signature, compared in constant time. Derived
/// signing keys are cached per (key, date, region), so a request costs two SHA-256 hashes and two HMACs.
/// </summary>
internal sealed class SigV4Verifier(IAccessKeys keys, TimeProvider clock, string service = SigV4Verifier.Service)
{
    public const string Service = "personalize";

    private const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(15);
    private const int MaxCachedSigningKeys = 10_000;

    private readonly ConcurrentDictionary<(AccessKey Key, string Date, string Region), byte[]> _signingKeys = new();

    /// <summary>The key that signed the request; ApiException (403) when it did not sign it correctly.</summary>
    public AccessKey Verify(HttpRequest request, ReadOnlySpan<byte> body)
    {
        var credential = SigV4Credential.Read(request) ?? throw AuthErrors.Missing();
        CheckScope(credential);
        CheckTime(credential, clock.GetUtcNow());
        if (!credential.SignedHeaders.Any(h => h.Equals("host", StringComparison.OrdinalIgnoreCase)))
        {
            throw AuthErrors.Invalid("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        var key = keys.Find(credential.AccessKeyId) ?? throw AuthErrors.UnknownKey();
        Span<byte> provided = stackalloc byte[32];
        if (credential.Signature.Length != 64 || Convert.FromHexString(credential.Signature, provided, out _, out var written) != OperationStatus.Done
            || written != 32)
        {
            throw AuthErrors.Mismatch();
        }

        var payloadHash = PayloadHash(request, body);
        if (Matches(request, credential, key, payloadHash, provided)
            || (credential.Presigned && payloadHash != UnsignedPayload && Matches(request, credential, key, UnsignedPayload, provided)))
        {
            return key;
        }

        throw AuthErrors.Mismatch();
    }

    /// <summary>Whether the signature over this payload hash is the one provided (constant-time).</summary>
    private bool Matches(HttpRequest request, SigV4Credential credential, AccessKey key, string payloadHash, ReadOnlySpan<byte> provided)
    {
        var stringToSign = StringToSign(credential, CanonicalRequest.Build(request, credential, payloadHash));
        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(SigningKey(key, credential), Encoding.UTF8.GetBytes(stringToSign), expected);
        return CryptographicOperations.FixedTimeEquals(expected, provided);
    }

    /// <summary>The string to sign (exposed for tests against published vectors).</summary>
    internal static string StringToSign(SigV4Credential credential, string canonicalRequest) =>
        $"{SigV4Credential.Algorithm}\n{credential.AmzDate}\n{credential.Scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

    private void CheckScope(SigV4Credential credential)
    {
        if (credential.Terminator != "aws4_request")
        {
            throw AuthErrors.Invalid($"Credential should be scoped with a valid terminator: 'aws4_request', not '{credential.Terminator}'.");
        }

        if (credential.Service != service)
        {
            throw AuthErrors.Invalid($"Credential should be scoped to correct service: '{service}'. ");
        }

        if (credential.ScopeDate != credential.AmzDate[..8])
        {
            throw AuthErrors.Invalid($"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                + $"'{credential.ScopeDate}' != '{credential.AmzDate[..8]}', from 'X-Amz-Date'.");
        }
    }

    private static void CheckTime(SigV4Credential credential, DateTimeOffset now)
    {
        if (credential.Time - now > Skew)
        {
            throw AuthErrors.Invalid($"Signature not yet current: {credential.AmzDate} is still later than {Format(now + Skew)} ({Format(now)} + 15 min.)");
        }

        var validUntil = credential.Presigned ? credential.Time.AddSeconds(credential.ExpiresSeconds) : credential.Time + Skew;
        if (now > validUntil)
        {
            throw credential.Presigned
                ? AuthErrors.Invalid($"Signature expired: {credential.AmzDate} + {credential.ExpiresSeconds} s (X-Amz-Expires) is now earlier than {Format(now)}.")
                : AuthErrors.Invalid($"Signature expired: {credential.AmzDate} is now earlier than {Format(now - Skew)} ({Format(now)} - 15 min.)");
        }
    }

    /// <summary>
    /// x-amz-content-sha256 when sent (it must match the body unless UNSIGNED-PAYLOAD), else the body's hash. A presigned
    /// URL may also have been signed over UNSIGNED-PAYLOAD (botocore signs the body's hash, other presigners do not).
    /// </summary>
    private static string PayloadHash(HttpRequest request, ReadOnlySpan<byte> body)
    {
        var declared = request.Headers["X-Amz-Content-SHA256"].ToString();
        var actual = Hex(SHA256.HashData(body));
        if (declared.Length > 0 && declared != UnsignedPayload && !declared.Equals(actual, StringComparison.OrdinalIgnoreCase))
        {
            throw AuthErrors.Invalid("The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        return declared.Length > 0 ? declared : actual;
    }

    private byte[] SigningKey(AccessKey key, SigV4Credential credential)
    {
        if (_signingKeys.Count > MaxCachedSigningKeys)
        {
            _signingKeys.Clear();
        }

        return _signingKeys.GetOrAdd((key, credential.ScopeDate, credential.Region), entry =>
        {
            var date = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + entry.Key.SecretAccessKey), Encoding.UTF8.GetBytes(entry.Date));
            var region = HMACSHA256.HashData(date, Encoding.UTF8.GetBytes(entry.Region));
            var named = HMACSHA256.HashData(region, Encoding.UTF8.GetBytes(service));
            return HMACSHA256.HashData(named, "aws4_request"u8);
        });
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
