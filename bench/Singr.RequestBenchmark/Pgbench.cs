using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Singr.RequestBenchmark;

/// <summary>
/// PostgreSQL's own baseline on the same server: <c>pgbench -N</c> (simple updates, one small transaction each) in a
/// database of its own, created here and dropped afterwards.
/// </summary>
internal static partial class Pgbench
{
    private const int Scale = 16;

    private const int Threads = 2;

    /// <returns>Transactions per second, without initial connection time.</returns>
    public static async Task<double> RunAsync(string adminConnectionString, int clients, int seconds)
    {
        var server = new NpgsqlConnectionStringBuilder(adminConnectionString);
        var database = $"singr_pgbench_{Guid.NewGuid():N}"[..30];
        await ExecuteAsync(adminConnectionString, $"CREATE DATABASE {database}");
        try
        {
            Console.WriteLine($"pgbench: pgbench -i -s {Scale} {database}");
            await RunAsync(server, ["-i", "-q", "-s", Number(Scale), database]);
            Console.WriteLine($"pgbench: pgbench -N -c {clients} -j {Threads} -T {seconds} {database}");
            var output = await RunAsync(server, ["-N", "-c", Number(clients), "-j", Number(Threads), "-T", Number(seconds), database]);
            foreach (var line in output.Split('\n').Where(l => l.StartsWith("latency", StringComparison.Ordinal) || l.StartsWith("tps", StringComparison.Ordinal)))
            {
                Console.WriteLine($"pgbench: {line.Trim()}");
            }

            var tps = TpsLine().Match(output);
            return tps.Success
                ? double.Parse(tps.Groups["tps"].Value, CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"pgbench printed no 'tps = … (without initial connection time)' line:\n{output}");
        }
        finally
        {
            await ExecuteAsync(adminConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    /// <summary>SINGR_PGBENCH (scripts/bench-requests.sh sets it from the PostgreSQL bin directory), else Debian's wrapper, else PATH.</summary>
    private static string Executable() =>
        Environment.GetEnvironmentVariable("SINGR_PGBENCH") is { Length: > 0 } configured ? configured
        : File.Exists("/usr/bin/pgbench") ? "/usr/bin/pgbench"
        : "pgbench";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs pgbench against the server of <paramref name="server"/>; its standard output, or an exception with both outputs.</summary>
    private static async Task<string> RunAsync(NpgsqlConnectionStringBuilder server, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(Executable(), arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.Environment["PGHOST"] = server.Host;
        startInfo.Environment["PGPORT"] = Number(server.Port);
        startInfo.Environment["PGUSER"] = server.Username;
        startInfo.Environment["PGPASSWORD"] = server.Password;
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"pgbench {string.Join(' ', startInfo.ArgumentList)} exited with {process.ExitCode}:\n{await output}\n{await error}");
    }

    [GeneratedRegex(@"^tps = (?<tps>[0-9]+(\.[0-9]+)?) \(without initial connection time\)", RegexOptions.Multiline)]
    private static partial Regex TpsLine();
}
