using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace Singr.Fuzz.Tests;

/// <summary>
/// The hostile requests for one operation, from what its document entry says it takes: a garbage path id, a bad query
/// value, a body field of the wrong kind (alone, or beside a field nobody asked for), an unreadable body, a forged
/// token. Each case has exactly one thing wrong, so the answer that refuses it names what was wrong.
/// </summary>
public static class FuzzCases
{
    public static Gen<FuzzCase> For(ApiOperation operation, FuzzWorld world)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(world);
        var kinds = new List<Gen<FuzzCase>>();
        if (operation.PathParameters.Count > 0)
        {
            kinds.Add(
                from parameter in Gen.Elements(operation.PathParameters.ToArray())
                from id in HostileInput.PathId
                select Case(operation, world, $"path {parameter.Name} = {Describe(id)}", path: (parameter.Name, id)));
        }

        if (operation.Query.Count > 0)
        {
            kinds.Add(
                from parameter in Gen.Elements(operation.Query.ToArray())
                from value in HostileInput.QueryValueFor(parameter.Type)
                select Case(operation, world, $"query {parameter.Name} = {Describe(value)}", query: (parameter.Name, value)));
        }

        if (operation.Body is { } body)
        {
            if (operation.BodyFields.Count > 0)
            {
                var fields = operation.BodyFields.ToArray();
                kinds.Add(
                    from field in Gen.Elements(fields)
                    from value in HostileInput.ValueFor(field.Type)
                    from extra in Gen.Elements(false, true)
                    let json = "{" + (extra ? "\"notAField\":\"\\u0000\"," : "") + $"\"{field.Name}\":{value}" + "}"
                    select Case(operation, world, $"body {field.Name} ({field.Type}) = {Describe(value)}{(extra ? " with an unknown field" : "")}",
                        body: (Encoding.UTF8.GetBytes(json), "application/json")));
            }

            kinds.Add(HostileInput.UnreadableBody.Select(b => Case(operation, world, $"body: {b.What}", body: (b.Body, b.ContentType))));
        }

        if (operation.Secured)
        {
            kinds.Add(HostileInput.Token.Select(token => Case(operation, world, $"token {Describe(token)}", token: token)));
        }

        return Gen.OneOf(kinds);
    }

    private static FuzzCase Case(
        ApiOperation operation, FuzzWorld world, string what, (string Name, string Value)? path = null, (string Name, string Value)? query = null,
        (byte[] Bytes, string ContentType)? body = null, string? token = null)
    {
        var target = new StringBuilder();
        foreach (var segment in operation.Path.Split('/'))
        {
            if (target.Length > 0 || segment.Length > 0)
            {
                target.Append('/');
            }

            if (segment.StartsWith('{') && segment.EndsWith('}'))
            {
                var name = segment[1..^1];
                target.Append(Uri.EscapeDataString(path is { } p && p.Name == name ? p.Value : world.PathValue(name)));
            }
            else
            {
                target.Append(segment);
            }
        }

        if (query is { } q)
        {
            target.Append('?').Append(Uri.EscapeDataString(q.Name)).Append('=').Append(Uri.EscapeDataString(q.Value));
        }

        var sent = body ?? (operation.Body is not null ? ("{}"u8.ToArray(), "application/json") : null);
        return new FuzzCase(operation.Method, target.ToString(), sent?.Bytes, sent?.ContentType ?? "application/json", token, what);
    }

    /// <summary>A value as a person reads it in a failure: control characters and halves of pairs by code, long ones by length.</summary>
    private static string Describe(string value)
    {
        if (value.Length > 40)
        {
            return $"{value.Length:N0} characters of {Describe(value[..8])}…";
        }

        return JsonSerializer.Serialize(value);
    }
}
