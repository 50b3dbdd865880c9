using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Queue;
using Singr.Grains.Venues;

namespace Singr.Domain.Tests;

/// <summary>Venues in memory, as a test needs them: open, with the default settings unless it says otherwise.</summary>
internal static class TestVenues
{
    /// <summary>A Friday, 21:00 UTC.</summary>
    public static readonly DateTimeOffset Evening = new(2026, 11, 27, 21, 0, 0, TimeSpan.Zero);

    public static VenueState Open(VenueSettings? settings = null, string timezone = "UTC") => new()
    {
        Slug = "the-crown",
        Name = "The Crown",
        Timezone = timezone,
        Settings = settings ?? VenueSettings.Default,
        CreatedAt = Evening.AddDays(-30),
        UpdatedAt = Evening.AddDays(-30),
        RequestsOpenedAt = Evening.AddHours(-2),
    };

    public static RequestSong Request(
        string title,
        string patron = "guest:ann",
        bool priority = false,
        bool byHost = false,
        string kind = RequestKinds.Karaoke,
        string artist = "The Band") =>
        new(Guid.NewGuid(), new Patron(patron, null, patron), new SongDetails(kind, title, artist), priority, byHost);

    /// <summary>Puts a request straight into the queue, as if the rules had taken it.</summary>
    public static QueueEntry Queue(VenueState venue, string title, string patron = "guest:ann", bool priority = false)
    {
        var entry = Entry(title, patron, priority);
        venue.Queue.Add(entry);
        return entry;
    }

    public static QueueEntry Entry(string title, string patron = "guest:ann", bool priority = false)
    {
        var song = new SongDetails(RequestKinds.Karaoke, title, "The Band");
        return new QueueEntry
        {
            Id = Guid.NewGuid(),
            RequestId = Guid.NewGuid(),
            Kind = song.Kind,
            Title = title,
            Artist = song.Artist,
            PatronKey = patron,
            RequestedBy = patron,
            Priority = priority,
            Status = QueueItemStatuses.Queued,
            RequestedAt = Evening,
            SongKey = SongKeys.Of(song),
        };
    }
}
