using Orleans;

namespace Singr.Silo.Hosting;

/// <summary>
/// A front end may start before any silo (Kubernetes starts pods in any order): it keeps looking for a gateway, once a
/// second, for <c>Singr:Orleans:ConnectTimeout</c>, then fails its start-up.
/// </summary>
internal sealed class GatewayConnectionRetry : IClientConnectionRetryFilter
{
    private readonly DateTimeOffset _giveUpAt;

    public GatewayConnectionRetry(TimeSpan timeout) => _giveUpAt = DateTimeOffset.UtcNow + timeout;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (DateTimeOffset.UtcNow >= _giveUpAt || cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        return true;
    }
}
