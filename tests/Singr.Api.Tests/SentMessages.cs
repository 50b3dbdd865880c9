using System.Text.Json.Nodes;
using Singr.Testing;

namespace Singr.Api.Tests;

/// <summary>
/// What the app asked to send, read from <c>outbox_messages</c> as the outbox worker would: how a test "receives" an
/// email or an SMS (its token or code is in the row's template values).
/// </summary>
internal static class SentMessages
{
    public static async Task<long> CountAsync(TestDatabase database, Guid userId, string kind) =>
        await database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE user_id = $1 AND kind = $2", userId, kind);

    public static async Task<long> CountOfKindAsync(TestDatabase database, string kind) =>
        await database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE kind = $1", kind);

    /// <summary>The template values of the latest message of <paramref name="kind"/> to the user.</summary>
    public static async Task<JsonObject> LatestAsync(TestDatabase database, Guid userId, string kind)
    {
        var values = await database.ColumnAsync<string>(
            "SELECT template_values::text FROM outbox_messages WHERE user_id = $1 AND kind = $2 ORDER BY created_at DESC LIMIT 1", userId, kind);
        Assert.True(values.Count == 1, $"No {kind} message to {userId}.");
        return JsonNode.Parse(values[0])!.AsObject();
    }

    public static async Task<string> LatestValueAsync(TestDatabase database, Guid userId, string kind, string name) =>
        (await LatestAsync(database, userId, kind))[name]!.GetValue<string>();

    /// <summary>Each message of <paramref name="kind"/> to the user as (channel, recipient, template values).</summary>
    public static async Task<List<(string Channel, string? Recipient, JsonObject Values)>> AllAsync(TestDatabase database, Guid userId, string kind)
    {
        var rows = await database.ColumnAsync<string>(
            """
            SELECT json_build_object('channel', channel, 'recipient', recipient, 'values', template_values)::text
            FROM outbox_messages WHERE user_id = $1 AND kind = $2 ORDER BY created_at
            """,
            userId,
            kind);
        return [.. rows.Select(row => JsonNode.Parse(row)!.AsObject()).Select(row => (
            row["channel"]!.GetValue<string>(), row["recipient"]?.GetValue<string>(), row["values"]!.AsObject()))];
    }

    /// <summary>The messages to an address (an invitee without an account) as (kind, template values).</summary>
    public static async Task<List<(string Kind, JsonObject Values)>> ToAddressAsync(TestDatabase database, string recipient)
    {
        var rows = await database.ColumnAsync<string>(
            "SELECT json_build_object('kind', kind, 'values', template_values)::text FROM outbox_messages WHERE recipient = $1 ORDER BY created_at",
            recipient);
        return [.. rows.Select(row => JsonNode.Parse(row)!.AsObject()).Select(row => (row["kind"]!.GetValue<string>(), row["values"]!.AsObject()))];
    }

    /// <summary>A response body without its meta (timestamp, request id): what must be identical for two answers to say the same.</summary>
    public static async Task<string> BodyWithoutMetaAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.True(body.Remove("meta"));
        return body.ToJsonString();
    }
}
