using System.Net.Sockets;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Singr.Api.Tests;

/// <summary>
/// Opens hub connections with the .NET SignalR client: over the in-memory test server, or over real sockets to a
/// listening server. WebSockets only, without negotiating, as Singr's hubs require (<c>HubSetup</c>).
/// <see cref="ConnectRawOverSocketAsync"/> opens the raw-protocol client instead, for the one test that needs it.
/// </summary>
internal static class HubConnections
{
    public const string VenueHub = "hubs/venue";
    public const string CustomerHub = "hubs/customer";

    /// <summary>
    /// A hub connection through the factory's test server. The token goes in <c>access_token</c>, as browsers must
    /// send it (they cannot set headers on a WebSocket request).
    /// </summary>
    public static Task<HubClient> ConnectAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> factory, string hub, string? token)
        where TEntryPoint : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        var server = factory.Server;
        return HubClient.ConnectAsync(new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, hub), options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            options.AccessTokenProvider = () => Task.FromResult(token);
            options.HttpMessageHandlerFactory = _ => server.CreateHandler();
            // The test server has no sockets: its WebSocket client hands the request straight to the app.
            options.WebSocketFactory = async (context, cancellation) =>
            {
                var accessToken = context.Options.AccessTokenProvider is { } provider ? await provider() : null;
                return await server.CreateWebSocketClient().ConnectAsync(WithAccessToken(context.Uri, accessToken), cancellation);
            };
        }));
    }

    /// <summary>
    /// A hub connection over a real loopback socket, as a .NET client connects: plain WebSockets, the token in the
    /// <c>Authorization</c> header.
    /// </summary>
    public static Task<HubClient> ConnectOverSocketAsync(Uri baseAddress, string hub, string? token) =>
        HubClient.ConnectAsync(new HubConnectionBuilder().WithUrl(new Uri(baseAddress, hub), options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            options.AccessTokenProvider = () => Task.FromResult(token);
        }));

    /// <summary>
    /// A raw-protocol connection (<see cref="RawHubClient"/>) over a real loopback socket, the token in
    /// <c>access_token</c>; <paramref name="receiveBufferBytes"/> shrinks the client's socket receive buffer, so a
    /// client that stops reading pushes back on the server sooner.
    /// </summary>
    public static async Task<RawHubClient> ConnectRawOverSocketAsync(Uri baseAddress, string hub, string? token, int? receiveBufferBytes = null)
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

        return await RawHubClient.ConnectAsync(socket, invoker);
    }

    /// <summary>The hub's WebSocket address, with the token in <c>access_token</c> as browsers must send it.</summary>
    private static Uri WebSocketUri(Uri baseAddress, string hub, string? token) =>
        WithAccessToken(new UriBuilder(new Uri(baseAddress, hub)) { Scheme = baseAddress.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri, token);

    private static Uri WithAccessToken(Uri uri, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return uri;
        }

        var builder = new UriBuilder(uri);
        var query = builder.Query.TrimStart('?');
        builder.Query = (query.Length == 0 ? string.Empty : query + "&") + $"access_token={Uri.EscapeDataString(token)}";
        return builder.Uri;
    }
}
