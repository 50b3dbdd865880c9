namespace Singr.Api.Access;

/// <summary>The device ids kiosks, phones and players send: 8 to 64 printable characters.</summary>
public static class DeviceIds
{
    public const string Rule = "The device id must be 8 to 64 printable characters.";

    public static bool IsValid(string? deviceId) => deviceId is { Length: >= 8 and <= 64 } && !deviceId.Any(char.IsControl);
}
