using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Request = WireMock.RequestBuilders.Request;

namespace Singr.Api.Tests;

/// <summary>
/// A local stand-in for Twilio (WireMock): the Messages API accepts every message; the Verify service starts every
/// verification and approves <see cref="VerifyCode"/> alone.
/// </summary>
internal sealed class FakeTwilio : IDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000001";
    public const string AuthToken = "twilio-fake-token";
    public const string FromNumber = "+15005550006";
    public const string MessageSid = "SM00000000000000000000000000000042";

    private readonly WireMockServer _server = WireMockServer.Start();

    public FakeTwilio()
    {
        _server.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{AccountSid}/Messages.json").UsingPost())
            .RespondWith(Json(201, $$"""{"sid": "{{MessageSid}}", "account_sid": "{{AccountSid}}", "status": "queued", "num_segments": "1", "direction": "outbound-api"}"""));
        _server.Given(Request.Create().WithPath($"/v2/Services/{VerifyServiceSid}/Verifications").UsingPost())
            .RespondWith(Json(201, $$"""{"sid": "{{VerificationSid}}", "service_sid": "{{VerifyServiceSid}}", "status": "pending", "channel": "sms", "valid": false}"""));
        _server.Given(Request.Create().WithPath($"/v2/Services/{VerifyServiceSid}/VerificationCheck").UsingPost().WithBody(b => b != null && b.Contains($"Code={VerifyCode}", StringComparison.Ordinal)))
            .RespondWith(Json(200, $$"""{"sid": "{{VerificationSid}}", "service_sid": "{{VerifyServiceSid}}", "status": "approved", "valid": true}"""));
        _server.Given(Request.Create().WithPath($"/v2/Services/{VerifyServiceSid}/VerificationCheck").UsingPost().WithBody(b => b == null || !b.Contains($"Code={VerifyCode}", StringComparison.Ordinal)))
            .RespondWith(Json(200, $$"""{"sid": "{{VerificationSid}}", "service_sid": "{{VerifyServiceSid}}", "status": "pending", "valid": false}"""));
    }

    /// <summary>The Verify service's id, and the one code its fake approves.</summary>
    public const string VerifyServiceSid = "VA00000000000000000000000000000007";
    public const string VerificationSid = "VE00000000000000000000000000000008";
    public const string VerifyCode = "246810";

    public string ApiBase => _server.Urls[0];

    /// <summary>The form bodies of the messages Twilio was asked to send, decoded.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Messages => FormsTo("/Messages.json");

    /// <summary>The Authorization headers Twilio saw (Basic with the account SID and auth token).</summary>
    public IReadOnlyList<string> Authorizations =>
        [.. _server.LogEntries.Select(e => e.RequestMessage.Headers?.TryGetValue("Authorization", out var values) == true ? values.ToString() ?? string.Empty : string.Empty)];

    /// <summary>The form bodies sent to a path ending in <paramref name="pathEnd"/>, decoded.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> FormsTo(string pathEnd) =>
        [.. _server.LogEntries
            .Where(e => e.RequestMessage.Path.EndsWith(pathEnd, StringComparison.Ordinal))
            .Select(e => Form(e.RequestMessage.Body))];

    public void Dispose() => _server.Dispose();

    private static Dictionary<string, string> Form(string? body) =>
        (body ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0].Replace('+', ' ')), pair => Uri.UnescapeDataString(pair[1].Replace('+', ' ')));

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
}
