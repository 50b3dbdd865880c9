namespace Singr.Grains.Interfaces.Songbook;

/// <summary>A venue's karaoke songbook (keyed by the venue's id): imports one at a time, each replacing the last.</summary>
[Alias("singr.songbook.ISongbookGrain")]
public interface ISongbookGrain : IGrainWithGuidKey
{
    [Alias("Import")]
    Task<SongbookImported> Import(ImportSongbook command);

    /// <summary>How many songs the songbook has (0 before the first import).</summary>
    [Alias("CountSongs")]
    Task<int> CountSongs();
}
