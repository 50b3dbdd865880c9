using System.Net.Http.Json;

namespace Singr.Api.Tests;

/// <summary>Requests sent as a client at a given address (<see cref="TestClientAddress"/>), as limits and audits count them.</summary>
internal static class FromAddress
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string address, string? forwardedFor = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add(TestClientAddress.HeaderName, address);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return client.SendAsync(request);
    }
}
