namespace Singr.Api.RateLimiting;

/// <summary>Remembers each request the endpoint acknowledged (201), so that its retries count as replays.</summary>
internal static class AcknowledgedRequestsFilter
{
    public static RouteHandlerBuilder CountsRetriesAsReplays(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var acknowledged = factory.ApplicationServices.GetRequiredService<AcknowledgedRequests>();
            return async invocation =>
            {
                var result = await next(invocation);
                if (result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status201Created })
                {
                    acknowledged.Remember(invocation.HttpContext);
                }

                return result;
            };
        });
}
