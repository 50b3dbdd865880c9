using System.Net.WebSockets;
using Npgsql;
using Singr.HubLoad;

// Many venue-room connections against the real app (silo in process) and PostgreSQL: guests' requests at a steady rate
// over HTTP, and how long each queue:insert takes to reach every connection. Run with `make hub-load` (not part of
// make test). See HubLoadOptions for the arguments.
HubLoadOptions options;
try
{
    options = HubLoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(HubLoadOptions.Usage);
    return 2;
}

try
{
    return await HubLoadRun.RunAsync(options);
}
catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or NpgsqlException or WebSocketException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
