using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Singr.Api.Http;
using Singr.Silo.Hosting;

namespace Singr.Api.Health;

/// <summary>Kubernetes probes: <c>/health/live</c> (the process answers) and <c>/health/ready</c> (it can take traffic).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = WriteEnvelopeAsync,
        });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadinessHealthCheck.Tag),
            ResponseWriter = WriteEnvelopeAsync,
        });
        return endpoints;
    }

    private static Task WriteEnvelopeAsync(HttpContext context, HealthReport report)
    {
        if (report.Status == HealthStatus.Healthy)
        {
            var checks = report.Entries.ToDictionary(entry => entry.Key, entry => entry.Value.Data);
            return context.Response.WriteAsJsonAsync(Envelope.Success(context, new { status = "Healthy", checks }));
        }

        var details = report.Entries.Values
            .SelectMany(entry => entry.Data)
            .Select(item => new ApiErrorDetail(item.Key, item.Value.ToString() ?? string.Empty))
            .ToList();
        var error = new ApiError(
            "NOT_READY",
            "The service is not ready to take traffic.",
            "Singr is starting up or shutting down. Try again in a moment.",
            details);
        return context.Response.WriteAsJsonAsync(Envelope.Failure(context, error));
    }
}
