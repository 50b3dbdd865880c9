using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Singr.Grains.Accounts;

/// <summary>
/// Time-based one-time passwords as RFC 6238 defines them and authenticator apps compute them: HMAC-SHA1 of the
/// 30-second step counter (RFC 4226's dynamic truncation), 6 digits, a step either side accepted for clock drift.
/// </summary>
public static class Totp
{
    public const string Issuer = "Singr";
    public const int Digits = 6;
    public const int SecretBytes = 20;
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    /// <summary>Steps accepted either side of the current one.</summary>
    public const int Window = 1;

    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretBytes);

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    public static string Code(ReadOnlySpan<byte> secret, long step, int digits = Digits)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> mac = stackalloc byte[HMACSHA1.HashSizeInBytes];
        // HMAC-SHA1 is what RFC 6238's default and every authenticator app compute; HOTP's truncation keeps it safe here.
#pragma warning disable CA5350
        HMACSHA1.HashData(secret, counter, mac);
#pragma warning restore CA5350
        var offset = mac[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(mac[offset..]) & 0x7FFFFFFF) % (int)Math.Pow(10, digits);
        return binary.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>
    /// The step whose code <paramref name="code"/> is, within the window around <paramref name="now"/> and later than
    /// <paramref name="lastUsedStep"/> (a code works once); null when it is none of them.
    /// </summary>
    public static long? Match(ReadOnlySpan<byte> secret, string? code, DateTimeOffset now, long lastUsedStep = -1)
    {
        if (code is not { Length: Digits } || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var current = StepAt(now);
        long? matched = null;
        for (var step = current - Window; step <= current + Window; step++)
        {
            // Every step is computed and compared, so the time taken does not say which one matched.
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(code))
                && step > lastUsedStep)
            {
                matched ??= step;
            }
        }

        return matched;
    }

    /// <summary>The <c>otpauth://</c> URI authenticator apps scan from a QR code.</summary>
    public static string OtpAuthUri(string accountName, string base32Secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(accountName)}"
        + $"?secret={base32Secret}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits={Digits}&period={(int)Step.TotalSeconds}";
}
