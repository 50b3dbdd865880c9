namespace Singr.Api.Requests;

/// <summary>The organisation's requests (or one venue's) at a glance, deleted ones aside.</summary>
/// <param name="Pending">Not processed yet.</param>
/// <param name="TodayCount">Requested since midnight, each venue's midnight in its own timezone.</param>
public sealed record RequestStats(long Total, long Pending, long Processed, long TodayCount);
