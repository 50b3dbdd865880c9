using System.Collections.Concurrent;
using System.Text.Json;
using Npgsql;

namespace Singr.Api.Audit;

/// <summary>
/// Failures worth a platform operator's eye, in the audit trail (<c>GET /v1/admin/audit?action=security.</c>): failed
/// sign-ins, refused permission checks, bearer tokens Singr did not sign or that expired. A row never holds a secret
/// (no password, no token). Each kind is written at most once a minute for a client address; the next row after that
/// minute says how many were left out (<c>after.unrecordedBefore</c>), so a flood of refusals cannot flood the table.
/// Rows are written beside the request, never holding up its answer.
/// </summary>
public sealed partial class SecurityAudit(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<SecurityAudit> logger)
{
    public const string SignInFailed = "security.sign_in_failed";
    public const string PermissionRefused = "security.permission_refused";
    public const string TokenRejected = "security.token_rejected";

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private const int MostTracked = 10_000;

    private readonly ConcurrentDictionary<(string Action, string Address), Tally> _tallies = new();

    /// <param name="actorId">The account refused, when known; an empty id for a caller nobody signed in.</param>
    /// <param name="actor">The account's email, or what the caller claimed to be (the email tried); never a secret.</param>
    public void Record(HttpContext context, string action, string resourceType, string resourceId, object details, Guid? actorId = null, string? actor = null, Guid? customerId = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (Unrecorded(action, address) is not { } unrecordedBefore)
        {
            return;
        }

        var row = new SecurityAuditRow(
            actorId ?? Guid.Empty, actor ?? "anonymous", customerId, action, resourceType, resourceId,
            JsonSerializer.Serialize(new { details, unrecordedBefore }, JsonSerializerOptions.Web), address, context.TraceIdentifier);
        _ = WriteAsync(row);
    }

    /// <summary>How many of this kind from this address went unrecorded since the last row; null when this one is not recorded either.</summary>
    private long? Unrecorded(string action, string address)
    {
        var now = clock.GetUtcNow();
        if (_tallies.Count > MostTracked)
        {
            foreach (var stale in _tallies.Where(t => now - t.Value.WindowStart > Window).Select(t => t.Key).ToList())
            {
                _tallies.TryRemove(stale, out _);
            }
        }

        var tally = _tallies.GetOrAdd((action, address), _ => new Tally());
        lock (tally)
        {
            if (tally.Recorded && now - tally.WindowStart < Window)
            {
                tally.Unrecorded++;
                return null;
            }

            var unrecorded = tally.Unrecorded;
            (tally.Recorded, tally.WindowStart, tally.Unrecorded) = (true, now, 0);
            return unrecorded;
        }
    }

    private async Task WriteAsync(SecurityAuditRow row)
    {
        try
        {
            await using var command = dataSource.CreateCommand(
                """
                INSERT INTO audit_log (actor_id, actor_email, customer_id, action, resource_type, resource_id, after, client_address, request_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)
                """);
            command.Parameters.AddRange((NpgsqlParameter[])[
                new() { Value = row.ActorId }, new() { Value = row.Actor }, new() { Value = (object?)row.CustomerId ?? DBNull.Value },
                new() { Value = row.Action }, new() { Value = row.ResourceType }, new() { Value = row.ResourceId }, new() { Value = row.AfterJson },
                new() { Value = row.ClientAddress }, new() { Value = row.RequestId }]);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            NotWritten(ex, row.Action);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Action} audit row could not be written")]
    private partial void NotWritten(Exception exception, string action);

    private sealed class Tally
    {
        public bool Recorded { get; set; }

        public DateTimeOffset WindowStart { get; set; }

        public long Unrecorded { get; set; }
    }
}
