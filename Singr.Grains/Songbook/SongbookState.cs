namespace Singr.Grains.Songbook;

/// <summary>What the songbook grain keeps itself: the songs are rows beside it (<see cref="SongbookReplaced"/>).</summary>
public sealed class SongbookState
{
    public int Songs { get; set; }

    public DateTimeOffset? ImportedAt { get; set; }
}
