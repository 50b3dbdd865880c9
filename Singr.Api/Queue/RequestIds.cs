using System.Security.Cryptography;
using System.Text;

namespace Singr.Api.Queue;

/// <summary>
/// A request's id from its <c>Idempotency-Key</c>: the same key from the same patron at the same venue is the same
/// request, so a retry returns the first result and changes (and charges) nothing more.
/// </summary>
public static class RequestIds
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    public static Guid For(Guid venueId, string patronKey, string? idempotencyKey) =>
        string.IsNullOrEmpty(idempotencyKey)
            ? Guid.NewGuid()
            : new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{venueId:N}|{patronKey}|{idempotencyKey}"))[..16]);
}
