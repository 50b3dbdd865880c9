using Singr.Grains.Interfaces.Requests;

namespace Singr.Grains.Queue;

/// <summary>
/// A venue's requests that have left its state (ended, rejected), read back from their <c>song_requests</c> rows. The
/// venue grain is those rows' only writer and reads them within its own turn, so they are exactly what it wrote.
/// </summary>
public interface IRequestArchive
{
    Task<List<QueueEntry>> LoadAsync(Guid venueId, IReadOnlyCollection<Guid> ids);

    /// <summary>The ids of the venue's finished, undeleted requests that match every given filter.</summary>
    Task<List<Guid>> FinishedMatchingAsync(Guid venueId, DeleteRequestsMatching filter);
}
