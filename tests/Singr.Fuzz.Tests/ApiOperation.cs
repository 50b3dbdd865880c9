using System.Text.Json;

namespace Singr.Fuzz.Tests;

/// <summary>One operation of the live OpenAPI document: what it takes, as the document says.</summary>
/// <param name="Body">The JSON body's schema (resolved), when it takes one.</param>
/// <param name="Secured">It declares the bearer scheme: a token is required.</param>
/// <param name="BodyFields">The JSON body's top-level fields with their types.</param>
public sealed record ApiOperation(
    string Method, string Path, IReadOnlyList<ApiParameter> PathParameters, IReadOnlyList<ApiParameter> Query, JsonElement? Body, bool Secured,
    IReadOnlyList<ApiParameter> BodyFields)
{
    public override string ToString() => $"{Method} {Path}";

    /// <summary>Every <c>/v1</c> operation of <paramref name="document"/>.</summary>
    public static IReadOnlyList<ApiOperation> AllIn(JsonElement document)
    {
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/v1/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => (In: p.GetProperty("in").GetString(), Parameter: new ApiParameter(p.GetProperty("name").GetString()!, TypeOf(schemas, p.GetProperty("schema"))))).ToList()
                    : [];
                JsonElement? body = operation.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.GetProperty("content").TryGetProperty("application/json", out var json)
                        ? Resolve(schemas, json.GetProperty("schema"))
                        : null;
                operations.Add(new ApiOperation(
                    operation.Name.ToUpperInvariant(),
                    path.Name,
                    [.. parameters.Where(p => p.In == "path").Select(p => p.Parameter)],
                    [.. parameters.Where(p => p.In == "query").Select(p => p.Parameter)],
                    body,
                    operation.Value.TryGetProperty("security", out _),
                    body is { } fields && fields.TryGetProperty("properties", out var properties)
                        ? [.. properties.EnumerateObject().Select(f => new ApiParameter(f.Name, TypeOf(schemas, f.Value)))]
                        : []));
            }
        }

        return operations;
    }

    public static JsonElement Resolve(JsonElement schemas, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference) ? schemas.GetProperty(reference.GetString()!["#/components/schemas/".Length..]) : schema;

    /// <summary>
    /// The schema's JSON type without <c>null</c>: string, integer, number, boolean, array or object; through a
    /// reference and through the <c>oneOf</c> a nullable reference is written as.
    /// </summary>
    public static string TypeOf(JsonElement schemas, JsonElement schema)
    {
        schema = Resolve(schemas, schema);
        if (!schema.TryGetProperty("type", out var type))
        {
            foreach (var alternatives in new[] { "oneOf", "anyOf" })
            {
                if (schema.TryGetProperty(alternatives, out var options))
                {
                    return options.EnumerateArray().Select(o => TypeOf(schemas, o)).FirstOrDefault(t => t != "null") ?? "string";
                }
            }

            return schema.TryGetProperty("properties", out _) ? "object" : "string";
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()!).FirstOrDefault(t => t != "null") ?? "string"
            : type.GetString()!;
    }
}
