using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Singr.Api.Tests;

public sealed partial class OpenApiTests(ApiDatabaseFixture fixture) : IClassFixture<ApiDatabaseFixture>
{
    private const string DocumentPath = "/openapi/v1.json";

    [Fact]
    public async Task The_document_is_a_valid_openapi_document_titled_singr_api()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(DocumentPath, UriKind.Relative));
        var json = await response.Content.ReadAsStringAsync();
        var parsed = OpenApiDocument.Parse(json, OpenApiConstants.Json, new OpenApiReaderSettings());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(parsed.Document);
        Assert.Empty(parsed.Diagnostic?.Errors ?? []);
        Assert.Equal("Singr API", parsed.Document.Info.Title);
        Assert.False(string.IsNullOrEmpty(parsed.Document.Info.Version));
    }

    [Fact]
    public async Task Every_v1_route_the_app_maps_is_in_the_document_with_each_of_its_methods()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        var paths = (await DocumentAsync(client)).GetProperty("paths");

        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["(any method)"])
                .Select(method => (Path: DocumentedPath(e.RoutePattern.RawText!), Method: method.ToLowerInvariant())))
            .ToList();
        var documented = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Path: WithoutTrailingSlash(path.Name), Method: operation.Name)))
            .ToHashSet();
        var undocumented = routes
            .Where(route => !documented.Contains((WithoutTrailingSlash(route.Path), route.Method)))
            .Select(route => $"{route.Method.ToUpperInvariant()} {route.Path}")
            .ToList();

        Assert.Contains(("/v1/auth/login", "post"), routes);
        Assert.Contains(("/v1/auth/me", "get"), routes);
        Assert.Empty(undocumented);
    }

    [Fact]
    public async Task The_bearer_scheme_is_declared_and_required_exactly_where_authorization_is()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        var document = await DocumentAsync(client);

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        var me = document.GetProperty("paths").GetProperty("/v1/auth/me").GetProperty("get");
        var login = document.GetProperty("paths").GetProperty("/v1/auth/login").GetProperty("post");

        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Equal("JWT", scheme.GetProperty("bearerFormat").GetString());
        Assert.Contains(me.GetProperty("security").EnumerateArray(), requirement => requirement.TryGetProperty("Bearer", out _));
        Assert.True(me.GetProperty("responses").TryGetProperty("401", out _));
        Assert.False(login.TryGetProperty("security", out _));
    }

    [Fact]
    public async Task Responses_are_described_as_envelopes_and_rate_limited_operations_declare_429_with_retry_after()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        var document = await DocumentAsync(client);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var login = document.GetProperty("paths").GetProperty("/v1/auth/login").GetProperty("post").GetProperty("responses");
        var heartbeat = document.GetProperty("paths").GetProperty("/v1/venues/{venueId}/player/state").GetProperty("post").GetProperty("responses");

        var success = Resolve(schemas, SchemaOf(login.GetProperty("200")));
        var unauthorized = Resolve(schemas, SchemaOf(login.GetProperty("401")));
        var tooMany = login.GetProperty("429");

        Assert.Equal(["data", "meta", "success"], success.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Contains("AuthSession", success.GetProperty("properties").GetProperty("data").ToString(), StringComparison.Ordinal);
        Assert.Contains("error", unauthorized.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(SchemaOf(login.GetProperty("401")).ToString(), SchemaOf(tooMany).ToString());
        Assert.True(tooMany.GetProperty("headers").TryGetProperty("Retry-After", out _));
        Assert.False(heartbeat.TryGetProperty("429", out _));
    }

    [Fact]
    public async Task Body_fields_a_client_may_leave_out_are_optional_while_every_response_field_is_required()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        var document = await DocumentAsync(client);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var paths = document.GetProperty("paths");

        var settings = Resolve(schemas, SchemaOf(paths.GetProperty("/v1/venues/{venueId}/settings").GetProperty("patch").GetProperty("requestBody")));
        var song = Resolve(schemas, SchemaOf(paths.GetProperty("/v1/venues/{venueId}/queue").GetProperty("post").GetProperty("requestBody")));
        var accepted = Resolve(schemas, SchemaOf(paths.GetProperty("/v1/venues/{venueId}/queue").GetProperty("post").GetProperty("responses").GetProperty("201")));

        Assert.False(settings.TryGetProperty("required", out var settingsRequired) && settingsRequired.GetArrayLength() > 0, settingsRequired.ToString());
        Assert.True(settings.GetProperty("properties").EnumerateObject().Any(), "the settings body lists its fields");
        Assert.False(song.TryGetProperty("required", out var songRequired) && songRequired.EnumerateArray().Any(f => f.GetString() == "notes"));
        Assert.Equal(["data", "meta", "success"], accepted.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Order());
    }

    [Fact]
    public async Task Every_v1_operation_has_a_summary_and_declares_its_success_envelope()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();
        var document = await DocumentAsync(client);

        var lacking = document.GetProperty("paths").EnumerateObject()
            .Where(path => path.Name.StartsWith("/v1", StringComparison.Ordinal))
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: $"{operation.Name.ToUpperInvariant()} {path.Name}", Operation: operation.Value)))
            .Where(o => !o.Operation.TryGetProperty("summary", out _)
                || !o.Operation.GetProperty("responses").EnumerateObject().Any(r => r.Name.StartsWith('2') && r.Value.TryGetProperty("content", out _)))
            .Select(o => o.Name)
            .ToList();

        Assert.Empty(lacking);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task The_document_and_swagger_ui_are_served_in_every_environment(string environment)
    {
        await using var development = new SingrApiFactory(fixture.Database);
        await using var factory = development.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Singr:Auth:SigningKey", Convert.ToBase64String(new byte[32]));
        });
        using var client = factory.CreateClient();

        using var document = await client.GetAsync(new Uri(DocumentPath, UriKind.Relative));
        using var swagger = await client.GetAsync(new Uri("/swagger", UriKind.Relative));
        var page = await swagger.Content.ReadAsStringAsync();
        using var script = await client.GetAsync(new Uri("/swagger/index.js", UriKind.Relative));
        using var bundle = await client.GetAsync(new Uri("/swagger/swagger-ui-bundle.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal(HttpStatusCode.OK, swagger.StatusCode);
        Assert.Equal("/swagger/index.html", swagger.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.Equal("text/html", swagger.Content.Headers.ContentType?.MediaType);
        Assert.Contains("swagger-ui", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains(DocumentPath, await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
    }

    [Fact]
    public async Task An_unknown_document_name_is_a_404_in_the_envelope()
    {
        await using var factory = new SingrApiFactory(fixture.Database);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/openapi/v2.json", UriKind.Relative));
        var error = await EnvelopeJson.ErrorOfAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOT_FOUND", error.GetProperty("code").GetString());
    }

    private static async Task<JsonElement> DocumentAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri(DocumentPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static JsonElement SchemaOf(JsonElement response) =>
        response.GetProperty("content").GetProperty("application/json").GetProperty("schema");

    private static JsonElement Resolve(JsonElement schemas, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? schemas.GetProperty(reference.GetString()!["#/components/schemas/".Length..])
            : schema;

    /// <summary>A route pattern as OpenAPI writes it: <c>{id:guid}</c> → <c>{id}</c>, <c>{**path}</c> → <c>{path}</c>, <c>{page?}</c> → <c>{page}</c>.</summary>
    private static string DocumentedPath(string pattern) => RouteParameter().Replace(pattern, match => $"{{{match.Groups["name"].Value}}}");

    private static string WithoutTrailingSlash(string path) => path.Length > 1 ? path.TrimEnd('/') : path;

    [GeneratedRegex(@"\{\**(?<name>[^}:=?]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
