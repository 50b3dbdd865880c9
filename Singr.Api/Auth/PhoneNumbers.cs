using System.Text.RegularExpressions;

namespace Singr.Api.Auth;

/// <summary>Phone numbers as SMS providers take them: E.164, a plus and 8 to 15 digits.</summary>
public static partial class PhoneNumbers
{
    /// <summary>The number without its spaces, dashes, dots and brackets when it is then E.164; null otherwise.</summary>
    public static string? Normalize(string? phone)
    {
        var compact = new string([.. (phone ?? string.Empty).Where(c => c is not (' ' or '-' or '.' or '(' or ')'))]);
        return E164().IsMatch(compact) ? compact : null;
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
