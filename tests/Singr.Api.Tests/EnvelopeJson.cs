using System.Text.Json;

namespace Singr.Api.Tests;

/// <summary>Reads response envelopes, asserting their shape on the way.</summary>
internal static class EnvelopeJson
{
    public static async Task<JsonElement> DataOfAsync(HttpResponseMessage response)
    {
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(body.GetProperty("success").GetBoolean(), body.ToString());
        return body.GetProperty("data");
    }

    public static async Task<JsonElement> ErrorOfAsync(HttpResponseMessage response)
    {
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("meta").GetProperty("requestId").GetString()));
        return body.GetProperty("error");
    }
}
