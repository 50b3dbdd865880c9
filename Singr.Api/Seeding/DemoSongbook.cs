using Singr.Grains.Interfaces.Songbook;

namespace Singr.Api.Seeding;

/// <summary>A small karaoke songbook for the demo venue, so search has something to find on a fresh machine.</summary>
public static class DemoSongbook
{
    private static readonly (string Artist, string Title)[] Classics =
    [
        ("ABBA", "Dancing Queen"),
        ("ABBA", "Waterloo"),
        ("Queen", "Bohemian Rhapsody"),
        ("Queen", "Don't Stop Me Now"),
        ("Journey", "Don't Stop Believin'"),
        ("Bon Jovi", "Livin' on a Prayer"),
        ("Whitney Houston", "I Wanna Dance with Somebody"),
        ("Gloria Gaynor", "I Will Survive"),
        ("Neil Diamond", "Sweet Caroline"),
        ("Toto", "Africa"),
        ("The Killers", "Mr. Brightside"),
        ("Adele", "Rolling in the Deep"),
        ("Elton John", "Tiny Dancer"),
        ("Oasis", "Wonderwall"),
        ("Spice Girls", "Wannabe"),
        ("Backstreet Boys", "I Want It That Way"),
        ("Frank Sinatra", "My Way"),
        ("Britney Spears", "...Baby One More Time"),
        ("Dolly Parton", "9 to 5"),
        ("The Beatles", "Hey Jude"),
    ];

    public static IReadOnlyList<SongbookRow> Songs { get; } =
        [.. Classics.Select((song, i) => new SongbookRow(i + 2, song.Artist, song.Title, $"DEMO-{i + 1:D3}", "en", []))];
}
