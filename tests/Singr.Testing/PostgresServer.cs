using System.Diagnostics;

namespace Singr.Testing;

/// <summary>
/// The PostgreSQL server tests run against: the one named by SINGR_POSTGRES (as `make test` sets it), or else the
/// repository's private cluster, started on demand with scripts/postgres.sh so `dotnet test` alone works too.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> AdminConnection = new(Resolve, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string AdminConnectionString => AdminConnection.Value;

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Singr.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Cannot find Singr.sln above the test binaries.");
        }
    }

    private static string Resolve()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SINGR_POSTGRES");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        var script = Path.Combine(RepositoryRoot, "scripts", "postgres.sh");
        Run(script, "start");
        return Run(script, "connection-string").Trim();
    }

    private static string Run(string script, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [script, argument])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgres.sh {argument} failed ({process.ExitCode}): {error}");
        }

        return output;
    }
}
