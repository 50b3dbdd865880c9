namespace Singr.Grains.Interfaces.Songbook;

/// <param name="Replaced">How many songs the songbook had before.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.songbook.SongbookImported")]
public sealed record SongbookImported(
    [property: Id(0)] int Songs,
    [property: Id(1)] int Replaced,
    [property: Id(2)] DateTimeOffset ImportedAt);
