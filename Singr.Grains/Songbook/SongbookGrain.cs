using Singr.Grains.Audit;
using Singr.Grains.Interfaces.Songbook;
using Singr.Grains.Persistence;

namespace Singr.Grains.Songbook;

/// <summary>
/// A venue's karaoke songbook. An import replaces every song in one write with its audit row, so patrons search
/// either the old songbook or the new one, never half of each; imports of one venue take turns. The API checks the
/// rows (<see cref="SongbookRules"/>) before they reach the grain.
/// </summary>
[GrainType("songbook")]
public sealed class SongbookGrain([VersionedState("songbook")] IVersionedState<SongbookState> state, TimeProvider timeProvider) : Grain, ISongbookGrain
{
    public async Task<SongbookImported> Import(ImportSongbook command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Rows.Count > SongbookRules.MaxSongs || command.Rows.Any(row => SongbookRules.Check(row).Count > 0))
        {
            throw new ArgumentException("Invalid songbook rows; the API checks them first.", nameof(command));
        }

        var venueId = this.GetPrimaryKey();
        var now = timeProvider.GetUtcNow();
        var replaced = state.State.Songs;
        state.State = new SongbookState { Songs = command.Rows.Count, ImportedAt = now };
        await state.WriteAsync(
        [
            new SongbookReplaced(venueId, command.Rows),
            new AuditRow(command.Stamp, new AuditEntry(
                "songbook.imported", "venue", venueId.ToString("D"), command.CustomerId, venueId,
                new { songs = replaced }, new { songs = command.Rows.Count })),
        ]);
        return new SongbookImported(command.Rows.Count, replaced, now);
    }

    public Task<int> CountSongs() => Task.FromResult(state.State.Songs);
}
