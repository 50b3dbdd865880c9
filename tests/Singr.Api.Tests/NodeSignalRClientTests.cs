using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Singr.Testing;

namespace Singr.Api.Tests;

/// <summary>
/// The official SignalR JavaScript client (what the kiosk and phone pages use) against the real application process:
/// it joins <c>demo-venue</c> and hears a guest's request being queued (tests/e2e/join-and-receive.mjs).
/// </summary>
public sealed class NodeSignalRClientTests() : DatabaseTest(migrate: false)
{
    private static readonly string E2eFolder = Path.Combine(PostgresServer.RepositoryRoot, "tests", "e2e");

    [Fact]
    public async Task The_javascript_client_joins_the_demo_venue_and_hears_a_guest_request_queued()
    {
        await EnsureNodeModulesAsync();
        await using var app = ApplicationProcess.Start(Database.ConnectionString, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Singr__SeedDemo"] = "true",
        });
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        await Eventually.TrueAsync(
            async () => app.HasExited
                ? throw new InvalidOperationException("The app exited:\n" + string.Join('\n', app.OutputLines))
                : await ApplicationProcess.IsReadyAsync(http),
            TimeSpan.FromSeconds(90),
            "the app answers /health/ready with 200");
        var guest = await GuestTokenAsync(http);

        using var node = Start("node", E2eFolder, "join-and-receive.mjs", app.BaseAddress.ToString(), guest, "demo-venue", "30");
        var output = new StringBuilder();
        var joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        node.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.StartsWith("joined ", StringComparison.Ordinal) == true)
            {
                joined.TrySetResult();
            }
        };
        node.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        var exited = node.WaitForExitAsync();
        if (await Task.WhenAny(joined.Task, exited, Task.Delay(TimeSpan.FromSeconds(30))) != joined.Task)
        {
            Assert.Fail($"node did not join demo-venue:\n{Printed(output)}");
        }

        var title = $"Node Hears {Guid.NewGuid():N}"[..24];
        await VenueActions.RequestAsync(http, guest, "demo-venue", title);
        await exited.WaitAsync(TimeSpan.FromSeconds(30));

        var printed = Printed(output);
        Assert.True(node.ExitCode == 0, $"node exited {node.ExitCode}:\n{printed}");
        Assert.Contains(printed.Split('\n'), line => line.StartsWith("queue:insert ", StringComparison.Ordinal) && line.Contains(title, StringComparison.Ordinal));
    }

    private static string Printed(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>Installs tests/e2e's locked packages when they are missing; npm's output is the failure message if it fails.</summary>
    private static async Task EnsureNodeModulesAsync()
    {
        if (Directory.Exists(Path.Combine(E2eFolder, "node_modules", "@microsoft", "signalr")))
        {
            return;
        }

        using var npm = Start("npm", E2eFolder, "ci", "--no-audit", "--no-fund");
        var stdout = npm.StandardOutput.ReadToEndAsync();
        var stderr = npm.StandardError.ReadToEndAsync();
        await npm.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(npm.ExitCode == 0, $"npm ci in {E2eFolder} failed ({npm.ExitCode}):\n{await stdout}\n{await stderr}");
    }

    private static Process Start(string program, string folder, params string[] arguments) =>
        Process.Start(new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{program} did not start");

    private static async Task<string> GuestTokenAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("/v1/auth/guest", new { venueId = "demo-venue", deviceId = $"node-{Guid.NewGuid():N}" });
        return (await EnvelopeJson.DataOfAsync(response)).GetProperty("accessToken").GetString()!;
    }
}
