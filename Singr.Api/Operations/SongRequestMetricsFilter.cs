using Singr.Api.Http;
using Singr.Grains.Interfaces.Queue;

namespace Singr.Api.Operations;

/// <summary>
/// Counts what the song-request endpoint answered: accepted requests by kind, refusals by error code. An
/// <c>Idempotency-Key</c> replay answers the first result again and is counted again: these are answers given, per
/// front end.
/// </summary>
internal static class SongRequestMetricsFilter
{
    public static RouteHandlerBuilder WithSongRequestMetrics(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var metrics = factory.ApplicationServices.GetRequiredService<SingrMetrics>();
            return async invocation =>
            {
                var result = await next(invocation);
                Count(metrics, result);
                return result;
            };
        });

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
