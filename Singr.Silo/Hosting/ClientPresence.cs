using Microsoft.Extensions.Hosting;

namespace Singr.Silo.Hosting;

/// <summary>
/// A front end is present once its Orleans client connected to a gateway (the host does not finish starting before),
/// until it starts stopping.
/// </summary>
internal sealed class ClientPresence(IHostApplicationLifetime lifetime) : IClusterPresence
{
    public bool IsActive => lifetime.ApplicationStarted.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested;

    public string Status => lifetime.ApplicationStopping.IsCancellationRequested ? "ShuttingDown" : IsActive ? "Active" : "Joining";
}
