namespace Singr.Api.Http;

/// <summary>
/// Declares what an endpoint answers, in the envelope, for the OpenAPI document:
/// <c>.ProducesEnvelope&lt;AuthSession&gt;(StatusCodes.Status201Created).ProducesErrors(400, 409)</c>.
/// 401 (endpoints that require authorization) and 429 (rate-limited endpoints) are added to the document by themselves.
/// </summary>
public static class EnvelopeResponseMetadata
{
    private static readonly string[] Json = ["application/json"];

    /// <summary>A success of status <paramref name="statusCode"/> whose envelope carries <typeparamref name="TData"/>.</summary>
    public static RouteHandlerBuilder ProducesEnvelope<TData>(this RouteHandlerBuilder builder, int statusCode = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new ProducesResponseTypeMetadata(statusCode, typeof(ApiEnvelope<TData>), Json));
    }

    /// <summary>Failures with these statuses, each an <see cref="ApiErrorEnvelope"/>; works on a group too.</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(statusCodes);
        foreach (var statusCode in statusCodes)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(statusCode, typeof(ApiErrorEnvelope), Json));
        }

        return builder;
    }
}
