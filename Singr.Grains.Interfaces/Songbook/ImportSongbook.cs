using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Songbook;

/// <summary>Replaces the venue's songbook with <paramref name="Rows"/>, all of them or none.</summary>
[GenerateSerializer]
[Alias("singr.songbook.ImportSongbook")]
public sealed record ImportSongbook(
    [property: Id(0)] IReadOnlyList<SongbookRow> Rows,
    [property: Id(1)] Guid CustomerId,
    [property: Id(2)] AuditStamp Stamp);
