using System.Net.Mail;
using Singr.Api.Http;

namespace Singr.Api.Auth;

/// <summary>What an email, a password and a display name must look like; every broken rule is reported, per field.</summary>
public static class CredentialRules
{
    public const int MinimumPasswordLength = 8;
    public const int MaximumPasswordLength = 128;
    public const int MaximumNameLength = 100;

    public static List<ApiErrorDetail> Check(RegisterRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var details = new List<ApiErrorDetail>();
        if (!IsEmail(request.Email))
        {
            details.Add(new("email", "A valid email address is required."));
        }

        details.AddRange(CheckPassword(request.Password));

        var name = request.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > MaximumNameLength)
        {
            details.Add(new("name", $"A name of 1 to {MaximumNameLength} characters is required."));
        }

        return details;
    }

    /// <summary>What a new password must be (registration and reset alike).</summary>
    public static List<ApiErrorDetail> CheckPassword(string? password)
    {
        password ??= string.Empty;
        if (password.Length < MinimumPasswordLength || password.Length > MaximumPasswordLength)
        {
            return [new("password", $"The password must be {MinimumPasswordLength} to {MaximumPasswordLength} characters.")];
        }

        return !password.Any(char.IsLetter) || !password.Any(char.IsDigit)
            ? [new("password", "The password must contain at least one letter and one digit.")]
            : [];
    }

    public static bool IsEmail(string? email) =>
        !string.IsNullOrWhiteSpace(email)
        && email.Trim().Length <= 254
        && MailAddress.TryCreate(email.Trim(), out var address)
        && address.Address == email.Trim();
}
