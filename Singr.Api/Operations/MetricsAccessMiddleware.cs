using System.Net;
using Microsoft.Extensions.Options;
using Singr.Api.Access;
using Singr.Api.Http;
using IPNetwork = System.Net.IPNetwork;

namespace Singr.Api.Operations;

/// <summary>
/// In front of <c>GET /metrics</c>: a direct connection from loopback or <see cref="OperationsOptions.MetricsNetworks"/>
/// (the cluster's Prometheus), or platform staff with their token. A request relayed by a trusted proxy (the ingress:
/// the forwarded-headers middleware left <c>X-Original-For</c>) never gets in by its address. Otherwise 401 without a
/// token, 403 with another's, in the envelope.
/// </summary>
internal sealed class MetricsAccessMiddleware
{
    /// <summary>Set by ASP.NET Core's forwarded-headers middleware when it took the client address from a proxy.</summary>
    private const string OriginalForHeader = "X-Original-For";

    private readonly RequestDelegate _next;
    private readonly IPNetwork[] _networks;

    public MetricsAccessMiddleware(RequestDelegate next, IOptions<OperationsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _next = next;
        _networks = [.. options.Value.MetricsNetworks.Select(network => IPNetwork.Parse(network.Trim()))];
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Of(context);
        if (IsScraper(context) || OperatorAccess.IsPlatformStaff(caller))
        {
            return _next(context);
        }

        var (status, error) = caller is null
            ? (StatusCodes.Status401Unauthorized, ApiErrors.ForStatus(StatusCodes.Status401Unauthorized))
            : (StatusCodes.Status403Forbidden, OperationsErrors.StaffRequired());
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Envelope.Failure(context, error));
    }

    private bool IsScraper(HttpContext context)
    {
        if (context.Request.Headers.ContainsKey(OriginalForHeader) || context.Connection.RemoteIpAddress is not { } address)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return IPAddress.IsLoopback(address) || _networks.Any(network => network.Contains(address));
    }
}
