using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Singr.Testing;

/// <summary>A Singr process (Singr.Api, or a Singr.Silo) started as its own process on a free loopback port.</summary>
public sealed class ApplicationProcess : IAsyncDisposable
{
    private const string SiloPortVariable = "Singr__Orleans__SiloPort";
    private const string GatewayPortVariable = "Singr__Orleans__GatewayPort";

    private readonly Process _process;
    private readonly List<string> _output = [];

    private ApplicationProcess(Process process, Uri baseAddress, int siloPort, int gatewayPort)
    {
        _process = process;
        BaseAddress = baseAddress;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    /// <summary>The Orleans silo-to-silo port it was given (<c>Singr__Orleans__SiloPort</c>): how the membership table names it.</summary>
    public int SiloPort { get; }

    /// <summary>The Orleans gateway port it was given (<c>Singr__Orleans__GatewayPort</c>).</summary>
    public int GatewayPort { get; }

    /// <summary>The operating system's process id.</summary>
    public int Id => _process.Id;

    public IReadOnlyList<string> OutputLines
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts Singr.Api as `make run` and Kubernetes do.</summary>
    public static ApplicationProcess Start(string connectionString, IReadOnlyDictionary<string, string> environment) =>
        Start("Singr.Api", connectionString, environment);

    /// <param name="project">A project of the repository, by its folder relative to the root (for example Singr.Silo).</param>
    public static ApplicationProcess Start(
        string project,
        string connectionString,
        IReadOnlyDictionary<string, string> environment,
        params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var port = FreePorts.Next();
        var assembly = BuiltAssemblyPath(project);
        var startInfo = new ProcessStartInfo("dotnet", [assembly, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        startInfo.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        startInfo.Environment["ConnectionStrings__Singr"] = connectionString;
        startInfo.Environment.Remove("SINGR_POSTGRES");
        startInfo.Environment[SiloPortVariable] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        startInfo.Environment[GatewayPortVariable] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        return new ApplicationProcess(
            Process.Start(startInfo)!,
            new Uri($"http://127.0.0.1:{port}"),
            int.Parse(startInfo.Environment[SiloPortVariable]!, CultureInfo.InvariantCulture),
            int.Parse(startInfo.Environment[GatewayPortVariable]!, CultureInfo.InvariantCulture));
    }

    /// <summary>What Kubernetes and Ctrl-C send: SIGTERM / SIGINT; KILL for a crash.</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Whether <c>/health/ready</c> answers 200 now (false while the process is not listening yet).</summary>
    public static async Task<bool> IsReadyAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            // Listening but too busy starting up to answer within the client's time-out.
            return false;
        }
    }

    /// <summary>Waits until the process answers ready; fails with its output if it exits first.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan within)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.TrueAsync(
            async () => HasExited
                ? throw new InvalidOperationException("The Singr process exited:\n" + string.Join('\n', OutputLines))
                : await IsReadyAsync(client),
            within,
            $"Singr at {BaseAddress} answers /health/ready");
    }

    public Task WaitForExitAsync(TimeSpan within) => _process.WaitForExitAsync().WaitAsync(within);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The project's build output in the configuration the tests were built in (Debug or Release).</summary>
    private static string BuiltAssemblyPath(string project)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(PostgresServer.RepositoryRoot, project, "bin", configuration, "net10.0", Path.GetFileName(project) + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first.", path);
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }
    }
}
