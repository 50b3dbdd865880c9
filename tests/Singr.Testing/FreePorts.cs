using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Singr.Testing;

/// <summary>Loopback ports free now and not handed out before by this test process (HTTP, Orleans silo and gateway ports).</summary>
public static class FreePorts
{
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (HandedOut.TryAdd(port, true))
            {
                return port;
            }
        }
    }
}
