using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Singr.Api.Http;

namespace Singr.Api.OpenApi;

/// <summary>
/// What the middleware answers on an endpoint's behalf, read from its metadata, so the document cannot forget it:
/// an endpoint that requires authorization needs the bearer token and may answer 401; a rate-limited one may answer
/// 429 with Retry-After.
/// </summary>
public sealed class MiddlewareResponsesTransformer : IOpenApiOperationTransformer
{
    private const string ErrorEnvelopeSchemaId = nameof(ApiErrorEnvelope);

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= [];
        if (RequiresAuthorization(metadata))
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(SingrDocumentTransformer.BearerSchemeName, context.Document)] = [],
            });
            await AddErrorResponseAsync(operation, context, StatusCodes.Status401Unauthorized, "No access token, or an invalid or expired one.", cancellationToken);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any() && !metadata.OfType<DisableRateLimitingAttribute>().Any())
        {
            var response = await AddErrorResponseAsync(
                operation, context, StatusCodes.Status429TooManyRequests, "Too many requests from this caller (RATE_LIMITED); retry after Retry-After.", cancellationToken);
            response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.OrdinalIgnoreCase);
            response.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before retrying.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
            };
        }
    }

    private static bool RequiresAuthorization(IList<object> metadata) =>
        (metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<AuthorizationPolicy>().Any())
        && !metadata.OfType<IAllowAnonymous>().Any();

    private static async Task<OpenApiResponse> AddErrorResponseAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, int statusCode, string description, CancellationToken cancellationToken)
    {
        var key = statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var declared) && declared is OpenApiResponse existing)
        {
            return existing;
        }

        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(ErrorEnvelopeSchemaId) != true)
        {
            document.AddComponent(ErrorEnvelopeSchemaId, await context.GetOrCreateSchemaAsync(typeof(ApiErrorEnvelope), null, cancellationToken));
        }

        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(ErrorEnvelopeSchemaId, document) },
            },
        };
        operation.Responses[key] = response;
        return response;
    }
}
