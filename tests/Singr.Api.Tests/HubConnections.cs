using System.Net.Sockets;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Singr.Api.Tests;

/// <summary>Opens hub connections: over the in-memory test server, or over real sockets to a listening server.</summary>
internal static class HubConnections
{
    public const string VenueHub = "hubs/venue";
    public const string CustomerHub = "hubs/customer";

    /// <summary>The hub's WebSocket address, with the token in <c>access_token</c> as browsers must send it.</summary>
    public static Uri WebSocketUri(Uri baseAddress, string hub, string? token)
    {
        var builder = new UriBuilder(new Uri(baseAddress, hub))
        {
            Scheme = baseAddress.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Query = token is null ? string.Empty : $"access_token={Uri.EscapeDataString(token)}",
        };
        return builder.Uri;
    }

    /// <summary>A hub connection through the factory's test server.</summary>
    public static async Task<HubClient> ConnectAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> factory, string hub, string? token)
        where TEntryPoint : class
    {
        var socket = await factory.Server.CreateWebSocketClient().ConnectAsync(WebSocketUri(factory.Server.BaseAddress, hub, token), CancellationToken.None);
        return await HubClient.ConnectAsync(socket);
    }

    /// <summary>
    /// A hub connection over a real loopback socket; <paramref name="receiveBufferBytes"/> shrinks the client's socket
    /// receive buffer, so a client that stops reading pushes back on the server sooner.
    /// </summary>
    public static async Task<HubClient> ConnectOverSocketAsync(Uri baseAddress, string hub, string? token, int? receiveBufferBytes = null)
    {
        var socket = new ClientWebSocket();
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellation) =>
            {
                var tcp = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                if (receiveBufferBytes is { } bytes)
                {
                    tcp.ReceiveBufferSize = bytes;
                }

                try
                {
                    await tcp.ConnectAsync(context.DnsEndPoint, cancellation);
                    return new NetworkStream(tcp, ownsSocket: true);
                }
                catch
                {
                    tcp.Dispose();
                    throw;
                }
            },
        };
        var invoker = new HttpMessageInvoker(handler, disposeHandler: true);
        try
        {
            await socket.ConnectAsync(WebSocketUri(baseAddress, hub, token), invoker, CancellationToken.None);
        }
        catch
        {
            socket.Dispose();
            invoker.Dispose();
            throw;
        }

        return await HubClient.ConnectAsync(socket, invoker);
    }
}
