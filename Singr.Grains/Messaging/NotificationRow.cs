using Singr.Grains.Persistence;

namespace Singr.Grains.Messaging;

/// <summary>
/// A <c>notifications</c> row: one entry in a user's inbox, written with the change it tells of (a host's answer, a
/// fulfilment, a patron's reply), so a user who was offline finds it there.
/// </summary>
/// <param name="Kind">A <see cref="Interfaces.Messaging.NotificationKinds"/> value.</param>
/// <param name="RequestId">The request it is about (its id in the venue's lists).</param>
/// <param name="Message">The host's message with an answer, or the patron's reply.</param>
public sealed record NotificationRow(
    Guid NotificationId,
    Guid UserId,
    string Kind,
    Guid VenueId,
    string VenueName,
    Guid RequestId,
    string Title,
    string? Artist,
    string? SingerName,
    string? Message,
    DateTimeOffset CreatedAt) : ISideRow;
