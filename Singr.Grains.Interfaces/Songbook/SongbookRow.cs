namespace Singr.Grains.Interfaces.Songbook;

/// <summary>One song of a venue's karaoke songbook, as imported.</summary>
/// <param name="Line">Where it was in the import (the CSV line), for the error report.</param>
/// <param name="DiscId">The disc or track id on the venue's own karaoke system, when it has one.</param>
[GenerateSerializer]
[Alias("singr.songbook.SongbookRow")]
public sealed record SongbookRow(
    [property: Id(0)] int Line,
    [property: Id(1)] string Artist,
    [property: Id(2)] string Title,
    [property: Id(3)] string? DiscId,
    [property: Id(4)] string? Language,
    [property: Id(5)] IReadOnlyList<string> Tags);
