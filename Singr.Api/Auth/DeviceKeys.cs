using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Singr.Api.Auth;

/// <summary>
/// The secret that makes a device the same guest again: 256 random bits, base64url. A guest is named by the venue, the
/// device and this key together (<see cref="GuestIdOf"/>), so a guessed or overheard device id alone names nobody.
/// </summary>
public static class DeviceKeys
{
    public const int Length = 43;
    public const string Rule = "The device key Singr gave this device (43 characters); leave it out to start as a new guest.";

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static bool IsValid(string? key) => key is { Length: Length } && Base64Url.IsValid(key);

    public static string GuestIdOf(Guid venueId, string deviceId, string deviceKey) =>
        "guest-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{venueId:N}|{deviceId}|{deviceKey}")))[..32];
}
