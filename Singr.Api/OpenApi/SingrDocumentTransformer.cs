using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Singr.Api.OpenApi;

/// <summary>The document's title and version, and the JWT bearer scheme that protected operations refer to.</summary>
public sealed class SingrDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string Title = "Singr API";
    public const string Version = "1.0";
    public const string BearerSchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = Title,
            Version = Version,
            Description = "Live song requests. Every response is an envelope: {success, data, message?, error?, meta}.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[BearerSchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The accessToken from /v1/auth/login, /v1/auth/register, /v1/auth/refresh or /v1/auth/guest.",
        };
        return Task.CompletedTask;
    }
}
