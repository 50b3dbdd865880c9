namespace Singr.Api.Songbook;

/// <summary>A song of the venue's songbook, as a patron finds it; request it with its <paramref name="SongId"/>.</summary>
/// <param name="DiscId">The disc or track id on the venue's own karaoke system.</param>
public sealed record SongbookSong(Guid SongId, string Artist, string Title, string? DiscId, string? Language, IReadOnlyList<string> Tags);
