using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Request = WireMock.RequestBuilders.Request;

namespace Singr.Api.Tests;

/// <summary>A local stand-in for Twilio's Messages API (WireMock): it accepts every message and answers as Twilio does.</summary>
internal sealed class FakeTwilio : IDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000001";
    public const string AuthToken = "twilio-fake-token";
    public const string FromNumber = "+15005550006";
    public const string MessageSid = "SM00000000000000000000000000000042";

    private readonly WireMockServer _server = WireMockServer.Start();

    public FakeTwilio() =>
        _server.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{AccountSid}/Messages.json").UsingPost())
            .RespondWith(Response.Create()
                .WithStatusCode(201)
                .WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"sid": "{{MessageSid}}", "account_sid": "{{AccountSid}}", "status": "queued", "num_segments": "1", "direction": "outbound-api"}"""));

    public string ApiBase => _server.Urls[0];

    /// <summary>The form bodies of the messages Twilio was asked to send, decoded.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Messages =>
        [.. _server.LogEntries
            .Where(e => e.RequestMessage.Path.EndsWith("/Messages.json", StringComparison.Ordinal))
            .Select(e => (IReadOnlyDictionary<string, string>)(e.RequestMessage.Body ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(pair => Uri.UnescapeDataString(pair[0].Replace('+', ' ')), pair => Uri.UnescapeDataString(pair[1].Replace('+', ' '))))];

    /// <summary>The Authorization headers Twilio saw (Basic with the account SID and auth token).</summary>
    public IReadOnlyList<string> Authorizations =>
        [.. _server.LogEntries.Select(e => e.RequestMessage.Headers?.TryGetValue("Authorization", out var values) == true ? values.ToString() ?? string.Empty : string.Empty)];

    public void Dispose() => _server.Dispose();
}
