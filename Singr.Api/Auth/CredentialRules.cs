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

        var password = request.Password ?? string.Empty;
        if (password.Length < MinimumPasswordLength || password.Length > MaximumPasswordLength)
        {
            details.Add(new("password", $"The password must be {MinimumPasswordLength} to {MaximumPasswordLength} characters."));
        }
        else if (!password.Any(char.IsLetter) || !password.Any(char.IsDigit))
        {
            details.Add(new("password", "The password must contain at least one letter and one digit."));
        }

        var name = request.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > MaximumNameLength)
        {
            details.Add(new("name", $"A name of 1 to {MaximumNameLength} characters is required."));
        }

        return details;
    }

    public static bool IsEmail(string? email) =>
        !string.IsNullOrWhiteSpace(email)
        && email.Trim().Length <= 254
        && MailAddress.TryCreate(email.Trim(), out var address)
        && address.Address == email.Trim();
}
