using System.Globalization;
using Npgsql;

namespace Singr.Benchmarks;

/// <summary>
/// CPU time spent by this process and by the PostgreSQL backends serving one database, so a figure can be read as CPU
/// per call: on a shared two-core machine the rates move with everything else running, CPU per call much less.
/// </summary>
internal sealed class CpuMeter : IAsyncDisposable
{
    /// <summary>USER_HZ of /proc/[pid]/stat on Linux.</summary>
    private const double TicksPerSecond = 100;

    private readonly NpgsqlDataSource? _admin;
    private readonly string? _database;

    /// <param name="adminConnectionString">A connection that may read pg_stat_activity; null measures this process only.</param>
    /// <param name="database">The database whose backends count.</param>
    public CpuMeter(string? adminConnectionString, string? database)
    {
        _admin = adminConnectionString is null ? null : NpgsqlDataSource.Create(adminConnectionString);
        _database = database;
    }

    public ValueTask DisposeAsync() => _admin?.DisposeAsync() ?? ValueTask.CompletedTask;

    public async Task<Sample> SampleAsync() => new(
        System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime,
        await BackendTicksAsync());

    /// <summary>Clock ticks (user + system) of every backend connected to the database now, by process id.</summary>
    private async Task<Dictionary<int, long>> BackendTicksAsync()
    {
        var ticks = new Dictionary<int, long>();
        if (_admin is null || !OperatingSystem.IsLinux())
        {
            return ticks;
        }

        await using var command = _admin.CreateCommand("SELECT pid FROM pg_stat_activity WHERE datname = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = _database });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var pid = reader.GetInt32(0);
            try
            {
                // Fields after the command name (which may hold spaces, in parentheses): utime and stime are the 14th and 15th.
                var stat = await File.ReadAllTextAsync($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // Gone, or another machine's PostgreSQL: not counted.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return ticks;
    }

    /// <summary>CPU at one moment.</summary>
    internal sealed record Sample(TimeSpan Process, Dictionary<int, long> BackendTicks)
    {
        /// <summary>This process's CPU since <paramref name="start"/>.</summary>
        public TimeSpan ProcessSince(Sample start) => Process - start.Process;

        /// <summary>The backends' CPU since <paramref name="start"/> (a backend that connected in between counts from zero).</summary>
        public TimeSpan BackendsSince(Sample start) => TimeSpan.FromSeconds(
            BackendTicks.Sum(pair => pair.Value - start.BackendTicks.GetValueOrDefault(pair.Key)) / TicksPerSecond);
    }
}
