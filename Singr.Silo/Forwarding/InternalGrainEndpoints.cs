using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Singr.Silo.Runtime;

namespace Singr.Silo.Forwarding;

/// <summary>The endpoint other silos and front ends forward grain calls to. Refuses any call without the cluster secret.</summary>
public static class InternalGrainEndpoints
{
    public static IEndpointRouteBuilder MapSingrInternalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(SiloClient.InvokePath, (Delegate)InvokeAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> InvokeAsync(HttpContext context)
    {
        var services = context.RequestServices;
        if (!services.GetRequiredService<ClusterSecret>().Matches(context.Request.Headers[ClusterSecret.HeaderName]))
        {
            return Results.Json(new { error = "The cluster secret is missing or wrong." }, statusCode: StatusCodes.Status401Unauthorized);
        }

        var forwarded = await context.Request.ReadFromJsonAsync<ForwardedGrainCall>(context.RequestAborted);
        if (forwarded is null)
        {
            return Results.BadRequest();
        }

        var codec = services.GetRequiredService<GrainCallCodec>();
        var router = services.GetRequiredService<GrainCallRouter>();
        var call = codec.Decode(forwarded);
        try
        {
            var outcome = await router.RouteAsync(call, forwarded.Hops, forwarded.ExcludedSilo, context.RequestAborted);
            return Results.Json(new ForwardedGrainResponse(true, codec.EncodeResult(call, outcome.Result), null, outcome.RanOn));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            return Results.Json(new ForwardedGrainResponse(false, null, GrainCallCodec.EncodeError(ex), router.LocalSiloId ?? Guid.Empty));
        }
    }
}
