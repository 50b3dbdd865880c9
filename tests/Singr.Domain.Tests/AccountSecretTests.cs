using Singr.Grains.Accounts;
using Singr.Grains.Interfaces.Accounts;

namespace Singr.Domain.Tests;

public sealed class AccountSecretTests
{
    [Fact]
    public void A_secret_is_32_random_bytes_in_base64url_and_only_its_sha256_is_kept()
    {
        var secret = SecretTokens.NewSecret();
        var hash = SecretTokens.Hash(secret);

        Assert.Equal(43, secret.Length);
        Assert.DoesNotContain(secret, c => c is '+' or '/' or '=');
        Assert.NotEqual(secret, SecretTokens.NewSecret());
        Assert.Equal(64, hash.Length);
        Assert.True(SecretTokens.Matches(hash, secret));
        Assert.False(SecretTokens.Matches(hash, secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A')));
        Assert.False(SecretTokens.Matches(hash, null));
        Assert.False(SecretTokens.Matches(null, secret));
    }

    [Fact]
    public void An_account_token_names_its_user_so_it_routes_without_a_scan()
    {
        var userId = Guid.NewGuid();
        var token = AccountToken.Compose(userId, SecretTokens.NewSecret());

        Assert.True(AccountToken.TryParse(token, out var parsed));
        Assert.Equal(userId, parsed);
        Assert.False(AccountToken.TryParse($"{userId:N}.", out _));
        Assert.False(AccountToken.TryParse($"{userId:D}.abc", out _));
        Assert.False(AccountToken.TryParse("nonsense", out _));
        Assert.False(AccountToken.TryParse(null, out _));
    }

    [Fact]
    public void Ten_backup_codes_of_eight_unambiguous_characters_are_issued_all_different()
    {
        var codes = BackupCodes.New();

        Assert.Equal(10, codes.Count);
        Assert.All(codes, code => Assert.Equal(8, code.Length));
        Assert.All(codes, code => Assert.DoesNotContain(code, c => c is '0' or 'o' or '1' or 'l' or 'i'));
        Assert.Equal(10, codes.Distinct().Count());
    }

    [Fact]
    public void A_backup_code_works_once_typed_in_any_case_with_spaces_or_dashes()
    {
        var codes = BackupCodes.New();
        var hashes = codes.Select(SecretTokens.Hash).ToList();
        var typed = $"{codes[3][..4].ToUpperInvariant()}-{codes[3][4..]} ";

        Assert.True(BackupCodes.TryUse(hashes, typed));
        Assert.False(BackupCodes.TryUse(hashes, codes[3]));
        Assert.Equal(9, hashes.Count);
        Assert.False(BackupCodes.TryUse(hashes, "zzzzzzzz"));
        Assert.False(BackupCodes.TryUse(hashes, "short"));
        Assert.Equal(9, hashes.Count);
    }

    [Fact]
    public void Sms_codes_are_six_digits_and_their_hash_is_bound_to_the_account()
    {
        var ann = Guid.NewGuid();
        var code = NumericCodes.New();
        var hash = NumericCodes.Hash(ann, code);

        Assert.Matches("^[0-9]{6}$", code);
        Assert.True(NumericCodes.Matches(hash, ann, code));
        Assert.False(NumericCodes.Matches(hash, Guid.NewGuid(), code));
        Assert.False(NumericCodes.Matches(hash, ann, code + "0"));
        Assert.NotEqual(SecretTokens.Hash(code), hash);
    }
}
