using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Singr.RequestBenchmark;

/// <summary>The set-up calls: JSON in, the envelope's <c>data</c> out; any non-2xx answer stops the run with its body.</summary>
internal sealed class SetupClient(HttpClient http)
{
    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object body, string? accessToken = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Set-up call {method} {path} answered {(int)response.StatusCode}: {text}");
        }

        using var envelope = JsonDocument.Parse(text);
        return envelope.RootElement.GetProperty("data").Clone();
    }
}
