using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Singr.Api.Tests;

/// <summary>
/// One HTTP/1.1 request written as bytes to a real server, for targets and sizes a client library would fix or
/// refuse before sending (<c>%2e%2e</c> segments, a 70 KB path).
/// </summary>
internal static class RawHttp
{
    public sealed record Answer(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
    {
        public JsonElement Error() => JsonDocument.Parse(Body).RootElement.GetProperty("error");
    }

    public static async Task<Answer> SendAsync(Uri server, string method, string target, string? token = null, IEnumerable<string>? headers = null, string? body = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        await using var stream = client.GetStream();
        var head = new StringBuilder()
            .Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(server.Authority).Append("\r\n")
            .Append("Connection: close\r\n");
        if (token is not null)
        {
            head.Append("Authorization: Bearer ").Append(token).Append("\r\n");
        }

        foreach (var header in headers ?? [])
        {
            head.Append(header).Append("\r\n");
        }

        var content = body is null ? [] : Encoding.UTF8.GetBytes(body);
        if (body is not null)
        {
            head.Append("Content-Type: application/json\r\nContent-Length: ").Append(content.Length).Append("\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(content);
        using var reader = new MemoryStream();
        await stream.CopyToAsync(reader);
        return Parse(reader.ToArray());
    }

    private static Answer Parse(byte[] response)
    {
        var split = response.AsSpan().IndexOf("\r\n\r\n"u8);
        var lines = Encoding.ASCII.GetString(response, 0, split).Split("\r\n");
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(h => h[0].Trim(), h => h[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = response[(split + 4)..];
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Unchunk(body);
        }

        return new Answer(int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, Encoding.UTF8.GetString(body));
    }

    private static byte[] Unchunk(byte[] chunked)
    {
        using var body = new MemoryStream();
        var at = 0;
        while (true)
        {
            var lineEnd = at + chunked.AsSpan(at).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(chunked, at, lineEnd - at).Split(';')[0], 16);
            if (size == 0)
            {
                return body.ToArray();
            }

            body.Write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
