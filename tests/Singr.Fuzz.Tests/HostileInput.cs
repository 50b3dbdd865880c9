using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Singr.Fuzz.Tests;

/// <summary>
/// Input no Singr operation may take, as raw JSON (so that half a surrogate pair can be written at all): text
/// PostgreSQL cannot store, values of the wrong JSON type, numbers past any range, nesting past any depth, garbage ids
/// and tokens, bodies that are not JSON. Each value is wrong for any field of its type, so every request built from
/// one must be refused.
/// </summary>
public static class HostileInput
{
    /// <summary>Strings wrong for any string field: the NUL character, half a surrogate pair, longer than any body.</summary>
    public static readonly Gen<string> Text = Gen.Elements(
        "a\u0000b", "\u0000", "tail\ud800", "\udc00head", "mid\ud83dx", new string('x', 70_000), "\u0000' OR 1=1 --");

    /// <summary>A raw JSON value that is wrong for a field of JSON schema type <paramref name="type"/>.</summary>
    public static Gen<string> ValueFor(string type) => type switch
    {
        "string" => Gen.OneOf(Text.Select(Quoted), WrongType(type)),
        "integer" => Gen.OneOf(Gen.Elements("\"12abc\"", "1e40", "9223372036854775808", "1.5"), WrongType(type)),
        _ => WrongType(type),
    };

    /// <summary>Bodies that are no JSON object the operation could bind.</summary>
    public static readonly Gen<(byte[] Body, string ContentType, string What)> UnreadableBody = Gen.Elements(
        (Utf8(""), "application/json", "an empty body"),
        (Utf8("{\"a\":"), "application/json", "truncated JSON"),
        (Utf8("null"), "application/json", "null"),
        (Utf8("[]"), "application/json", "an array"),
        (Utf8("\"a string\""), "application/json", "a string"),
        (Utf8(Nested(5_000)), "application/json", "nesting 5,000 deep"),
        (new byte[] { 0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D }, "application/json", "bytes that are not UTF-8"),
        (Utf8("{\"title\":\"x\"}"), "text/plain", "the wrong content type"),
        (Utf8("{\"x\":\"" + new string('a', 2 * 1024 * 1024) + "\"}"), "application/json", "a 2 MB body"));

    /// <summary>
    /// Path ids no resource has: too long for any path, a slash, script, emoji. (A NUL in a path never reaches Singr:
    /// the server refuses to parse it, a bare 400 that <c>HostileRequestTests</c> pins.)
    /// </summary>
    public static readonly Gen<string> PathId = Gen.Elements(
        new string('9', 10_000), "a/b", "<script>alert(1)</script>", "💥", "' OR '1'='1", "-1", "%");

    /// <summary>Query values wrong for a parameter of JSON schema type <paramref name="type"/>.</summary>
    public static Gen<string> QueryValueFor(string type) => type switch
    {
        "integer" or "number" => Gen.Elements("abc", "99999999999999999999", "1.5e400", "-99999999999", "\u0000"),
        "boolean" => Gen.Elements("maybe", "2", "\u0000"),
        _ => Gen.Elements("a\u0000b", "\u0000", new string('q', 9_000)),
    };

    /// <summary>Bearer tokens that are not tokens Singr signed.</summary>
    public static readonly Gen<string> Token = Gen.Elements(
        "not-a-token",
        "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJhZG1pbiJ9.",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
        new string('a', 40 * 1024),
        "a.b.c");

    /// <summary>A JSON string literal of <paramref name="text"/>, escaping by hand what a JSON writer would refuse to write.</summary>
    public static string Quoted(string text)
    {
        var json = new StringBuilder("\"");
        foreach (var c in text)
        {
            json.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or (>= '\ud800' and <= '\udfff') => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return json.Append('"').ToString();
    }

    private static readonly string[] NotAString = ["12345", "{\"nested\":\"x\"}", "[1,2]", "false"];
    private static readonly string[] NotANumber = ["\"\\u0000\"", "{}", "[1]", "false"];
    private static readonly string[] NotABoolean = ["12345", "\"yes\\u0000\"", "{}", "[]"];
    private static readonly string[] NotAnArray = ["12345", "\"\\u0000\"", "{}", Nested(200)];
    private static readonly string[] NotAnObject = ["12345", "\"\\u0000\"", "[]", "false"];

    private static Gen<string> WrongType(string type) => Gen.Elements(type switch
    {
        "string" => NotAString,
        "integer" or "number" => NotANumber,
        "boolean" => NotABoolean,
        "array" => NotAnArray,
        _ => NotAnObject,
    });

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
