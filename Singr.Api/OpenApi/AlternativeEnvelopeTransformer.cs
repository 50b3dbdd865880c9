using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Singr.Api.Http;

namespace Singr.Api.OpenApi;

/// <summary>Describes an <see cref="AlternativeEnvelope"/>'s success as oneOf the declared envelope and the alternative.</summary>
public sealed class AlternativeEnvelopeTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var alternative in context.Description.ActionDescriptor.EndpointMetadata.OfType<AlternativeEnvelope>())
        {
            var key = alternative.StatusCode.ToString(CultureInfo.InvariantCulture);
            if (operation.Responses?.TryGetValue(key, out var declared) != true
                || declared is not OpenApiResponse { Content: { } content }
                || !content.TryGetValue("application/json", out var json)
                || json.Schema is not { } declaredSchema)
            {
                throw new InvalidOperationException($"{context.Description.RelativePath} declares no {key} envelope to offer an alternative to.");
            }

            var document = context.Document!;
            if (document.Components?.Schemas?.ContainsKey(alternative.SchemaId) != true)
            {
                var envelope = typeof(ApiEnvelope<>).MakeGenericType(alternative.DataType);
                document.AddComponent(alternative.SchemaId, await context.GetOrCreateSchemaAsync(envelope, null, cancellationToken));
            }

            json.Schema = new OpenApiSchema { OneOf = [declaredSchema, new OpenApiSchemaReference(alternative.SchemaId, document)] };
        }
    }
}
