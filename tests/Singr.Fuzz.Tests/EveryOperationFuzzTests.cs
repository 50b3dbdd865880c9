using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace Singr.Fuzz.Tests;

/// <summary>
/// Every operation the live OpenAPI document lists, sent hostile input (<see cref="FuzzCases"/>) as a signed-in user
/// of the right role: each answer is a 4xx in the envelope, never a 5xx, and nothing Singr keeps changes. A new route
/// is fuzzed as soon as it is in the document.
/// </summary>
public sealed class EveryOperationFuzzTests(FuzzWorld world, ITestOutputHelper output) : IClassFixture<FuzzWorld>
{
    /// <summary>The document lists about seventy: fewer means it is not being read, and nothing would be fuzzed.</summary>
    private const int FewestOperations = 60;

    [Fact]
    public async Task Every_operation_answers_hostile_input_with_a_4xx_in_the_envelope_and_changes_nothing()
    {
        using var documentResponse = await world.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var document = JsonDocument.Parse(await documentResponse.Content.ReadAsStringAsync());
        var operations = ApiOperation.AllIn(document.RootElement);
        var (seed, count) = (FuzzSettings.Seed, FuzzSettings.CasesPerOperation);
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var untestable = new List<ApiOperation>();
        var before = await StateSnapshot.TakeAsync(world.Database.ConnectionString);

        foreach (var (operation, index) in operations.Select((o, i) => (o, i)))
        {
            if (operation is { PathParameters.Count: 0, Query.Count: 0, Body: null, Secured: false })
            {
                untestable.Add(operation);
                continue;
            }

            foreach (var fuzz in FuzzCases.For(operation, world).Sample(count, new Rnd(seed + (ulong)index), 10))
            {
                var (status, problem) = await SendAsync(operation, fuzz);
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                var after = await StateSnapshot.TakeAsync(world.Database.ConnectionString);
                if (problem is not null || after != before)
                {
                    failures.Add($"{fuzz}: {problem ?? $"{status}, and it changed what Singr keeps"}");
                    before = after;
                }
            }
        }

        var sent = statuses.Values.Sum();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed {seed}, {count} cases an operation: {operations.Count} operations, {sent} requests, {statuses.Where(s => s.Key is >= 400 and < 500).Sum(s => s.Value)} answered 4xx, {statuses.Where(s => s.Key >= 500).Sum(s => s.Value)} 5xx"));
        output.WriteLine("by status: " + string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
        output.WriteLine("no input to fuzz: " + (untestable.Count == 0 ? "none" : string.Join(", ", untestable)));
        Assert.True(operations.Count >= FewestOperations, $"only {operations.Count} operations in the document");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} hostile requests were not refused cleanly:\n" + string.Join("\n", failures.Take(40)));
    }

    /// <returns>The status, and what is wrong with the answer (null when it is a clean refusal).</returns>
    private async Task<(int Status, string? Problem)> SendAsync(ApiOperation operation, FuzzCase fuzz)
    {
        using var request = new HttpRequestMessage(new HttpMethod(fuzz.Method), new Uri(fuzz.Target, UriKind.Relative));
        if (fuzz.Body is { } body)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(fuzz.ContentType);
            // As a careful client sends a body: a server that refuses it early need not take it all first.
            request.Headers.ExpectContinue = true;
        }

        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {fuzz.Token ?? world.TokenFor(operation)}");
        using var response = await world.Client.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status is < 400 or >= 500)
        {
            return (status, $"answered {status}: {(text.Length > 300 ? text[..300] : text)}");
        }

        try
        {
            using var envelope = JsonDocument.Parse(text);
            var error = envelope.RootElement.GetProperty("error");
            return envelope.RootElement.GetProperty("success").GetBoolean() || string.IsNullOrEmpty(error.GetProperty("code").GetString())
                ? (status, $"answered {status} outside the envelope: {text}")
                : (status, null);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (status, $"answered {status} outside the envelope: {(text.Length > 300 ? text[..300] : text)}");
        }
    }
}
