namespace Singr.Grains.Interfaces.Catalog;

/// <summary>Who a music video is by: the "Artist - Title" of its title, or else its channel.</summary>
public static class VideoTitles
{
    private static readonly string[] Separators = [" - ", " – ", " — "];

    private static readonly string[] ChannelSuffixes = [" - Topic", "VEVO"];

    public static string ArtistOf(string title, string channelTitle)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(channelTitle);
        foreach (var separator in Separators)
        {
            var at = title.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && title[..at].Trim() is { Length: > 0 } artist)
            {
                return artist;
            }
        }

        var channel = channelTitle.Trim();
        foreach (var suffix in ChannelSuffixes)
        {
            if (channel.Length > suffix.Length && channel.EndsWith(suffix, StringComparison.Ordinal))
            {
                return channel[..^suffix.Length].Trim();
            }
        }

        return channel;
    }
}
