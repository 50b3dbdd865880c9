using Microsoft.Extensions.Options;

namespace Singr.Api.Auth;

/// <summary>Refuses to start with a weak or (outside Development) missing signing key, or a lenient clock skew.</summary>
public sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.SigningKey))
        {
            if (!environment.IsDevelopment())
            {
                failures.Add("Set Singr:Auth:SigningKey (env Singr__Auth__SigningKey) to a base64 key of at least 256 bits, e.g. `openssl rand -base64 32`.");
            }
        }
        else if (!TryDecode(options.SigningKey, out var key) || key.Length < AuthOptions.MinimumKeyBytes)
        {
            failures.Add("Singr:Auth:SigningKey must be base64 and at least 256 bits (32 bytes).");
        }

        if (options.ClockSkew > TimeSpan.FromSeconds(30) || options.ClockSkew < TimeSpan.Zero)
        {
            failures.Add("Singr:Auth:ClockSkew must be between 0 and 30 seconds.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static bool TryDecode(string value, out byte[] key)
    {
        key = new byte[value.Length];
        if (Convert.TryFromBase64String(value, key, out var written))
        {
            key = key[..written];
            return true;
        }

        key = [];
        return false;
    }
}
