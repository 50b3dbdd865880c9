using Singr.Grains.Interfaces.Songbook;
using Singr.Grains.Persistence;

namespace Singr.Grains.Songbook;

/// <summary>The venue's songbook rows, all replaced by <paramref name="Rows"/> in the grain's write.</summary>
public sealed record SongbookReplaced(Guid VenueId, IReadOnlyList<SongbookRow> Rows) : ISideRow;
