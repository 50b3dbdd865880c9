namespace Singr.Api.Tests;

/// <summary>A video the fake YouTube knows: its title and channel, ISO 8601 length and views.</summary>
internal sealed record FakeVideo(string Id, string Title, string Channel, string Duration, long Views)
{
    /// <summary>A new 11-character video id, so tests sharing one fake never see each other's videos.</summary>
    public static string NewId() => Convert.ToBase64String(Guid.NewGuid().ToByteArray()).Replace('+', '-').Replace('/', '_')[..11];

    public static FakeVideo Of(string title, string channel = "Some Channel", string duration = "PT3M33S", long views = 1000) =>
        new(NewId(), title, channel, duration, views);
}
