using Npgsql;
using Singr.RequestBenchmark;

// Paid song requests over HTTP against the real app (silo in process) and PostgreSQL, then pgbench -N on the same
// server for the ratio. Run with `make bench-requests` (not part of make test). See BenchmarkOptions for the arguments.
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

try
{
    return await BenchmarkRun.RunAsync(options);
}
catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or NpgsqlException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
