using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
namespace Singr.Testing;

/// <summary>A Singr process (Singr.Api, or the test host) started as its own process on a free loopback port.</summary>
public sealed class ApplicationProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ApplicationProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

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

    /// <param name="project">A project of the repository, by its folder relative to the root (for example tests/Singr.TestHost).</param>
    public static ApplicationProcess Start(
        string project,
        string connectionString,
        IReadOnlyDictionary<string, string> environment,
        params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var port = FreeLoopbackPort();
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
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        return new ApplicationProcess(Process.Start(startInfo)!, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>What Kubernetes and Ctrl-C send: SIGTERM / SIGINT; KILL for a crash.</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
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

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
