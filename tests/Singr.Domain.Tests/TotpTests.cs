using System.Text;
using Singr.Grains.Accounts;

namespace Singr.Domain.Tests;

public sealed class TotpTests
{
    private static readonly byte[] RfcSecret = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void Codes_are_rfc_6238s_sha1_test_vectors(long unixSeconds, string expected)
    {
        var step = Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        Assert.Equal(expected, Totp.Code(RfcSecret, step, digits: 8));
    }

    [Fact]
    public void Six_digit_codes_are_rfc_4226s_hotp_test_vectors()
    {
        string[] expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];

        Assert.Equal(expected, Enumerable.Range(0, 10).Select(counter => Totp.Code(RfcSecret, counter)));
    }

    [Fact]
    public void A_code_of_the_step_before_or_after_is_accepted_and_one_two_steps_away_is_not()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var step = Totp.StepAt(now);

        Assert.Equal(step - 1, Totp.Match(RfcSecret, Totp.Code(RfcSecret, step - 1), now));
        Assert.Equal(step, Totp.Match(RfcSecret, Totp.Code(RfcSecret, step), now));
        Assert.Equal(step + 1, Totp.Match(RfcSecret, Totp.Code(RfcSecret, step + 1), now));
        Assert.Null(Totp.Match(RfcSecret, Totp.Code(RfcSecret, step - 2), now));
        Assert.Null(Totp.Match(RfcSecret, Totp.Code(RfcSecret, step + 2), now));
    }

    [Fact]
    public void A_code_is_refused_once_its_step_or_a_later_one_was_used()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var step = Totp.StepAt(now);

        Assert.Null(Totp.Match(RfcSecret, Totp.Code(RfcSecret, step), now, lastUsedStep: step));
        Assert.Null(Totp.Match(RfcSecret, Totp.Code(RfcSecret, step - 1), now, lastUsedStep: step));
        Assert.Equal(step + 1, Totp.Match(RfcSecret, Totp.Code(RfcSecret, step + 1), now, lastUsedStep: step));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("١٢٣٤٥٦")]
    public void Anything_but_six_ascii_digits_is_no_code(string? code) =>
        Assert.Null(Totp.Match(RfcSecret, code, DateTimeOffset.UtcNow));

    [Fact]
    public void The_otpauth_uri_names_singr_as_issuer_with_the_secret_and_a_30_second_period()
    {
        var uri = Totp.OtpAuthUri("ann@example.com", "JBSWY3DPEHPK3PXP");

        Assert.Equal("otpauth://totp/Singr:ann%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Singr&algorithm=SHA1&digits=6&period=30", uri);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Base32_is_rfc_4648s_without_padding_and_reads_back(string text, string encoded)
    {
        var bytes = Encoding.ASCII.GetBytes(text);

        Assert.Equal(encoded, Base32.Encode(bytes));
        Assert.Equal(bytes, Base32.Decode(encoded.ToLowerInvariant()));
    }

    [Fact]
    public void A_new_secret_is_160_bits_and_32_base32_characters()
    {
        var secret = Totp.NewSecret();

        Assert.Equal(20, secret.Length);
        Assert.Equal(32, Base32.Encode(secret).Length);
        Assert.Null(Base32.Decode("not base32!"));
    }
}
