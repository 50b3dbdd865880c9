using Microsoft.AspNetCore.Http.Metadata;
using Singr.Api.Http;
using Singr.Grains.Interfaces.Queue;

namespace Singr.Api.Operations;

/// <summary>
/// Counts what the song-request endpoint (the one whose success envelope carries <see cref="RequestAccepted"/>)
/// answered: accepted requests by kind, refusals by error code. Other endpoints of the group
/// it is put on pass through untouched. An <c>Idempotency-Key</c> replay answers the first result again and is counted
/// again: these are answers given, per front end.
/// </summary>
internal static class SongRequestMetricsFilter
{
    public static TBuilder WithSongRequestMetrics<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var metrics = factory.ApplicationServices.GetRequiredService<SingrMetrics>();
            return async invocation =>
            {
                var result = await next(invocation);
                if (IsSongRequest(invocation.HttpContext.GetEndpoint()))
                {
                    Count(metrics, result);
                }

                return result;
            };
        });

    private static bool IsSongRequest(Endpoint? endpoint) =>
        endpoint?.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>().Any(m => m.Type == typeof(ApiEnvelope<RequestAccepted>)) == true;

    private static void Count(SingrMetrics metrics, object? result)
    {
        switch (result)
        {
            case IValueHttpResult { Value: ApiEnvelope<RequestAccepted> { Success: true, Data: { } accepted } }:
                metrics.RequestQueued(accepted.Item.Kind);
                break;
            case IValueHttpResult { Value: ApiErrorEnvelope { Error: { } error } }:
                metrics.RequestRefused(error.Code);
                break;
        }
    }
}
