namespace Singr.Api.OpenApi;

/// <summary>
/// The OpenAPI document of the public API at <c>/openapi/v1.json</c> and Swagger UI at <c>/swagger</c>, in every
/// environment: the API is public, and clients are written against the document.
/// </summary>
public static class ApiDocumentation
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string SwaggerUiPrefix = "swagger";

    public static IServiceCollection AddSingrApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<SingrDocumentTransformer>();
            options.AddOperationTransformer<MiddlewareResponsesTransformer>();
            options.AddOperationTransformer<AlternativeEnvelopeTransformer>();
            options.AddSchemaTransformer<OmittedWhenNullSchemaTransformer>();
            options.AddSchemaTransformer<OptionalBodyFieldsSchemaTransformer>();
        });

    public static WebApplication UseSingrApiDocumentation(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint(DocumentPath, $"{SingrDocumentTransformer.Title} {DocumentName}");
            options.RoutePrefix = SwaggerUiPrefix;
            options.DocumentTitle = SingrDocumentTransformer.Title;
        });
        app.MapOpenApi(DocumentPath);
        return app;
    }
}
