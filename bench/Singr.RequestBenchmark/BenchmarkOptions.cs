using System.Globalization;

namespace Singr.RequestBenchmark;

/// <summary>What one run does, from the command line: <c>--seconds 30 --warmup 5 --clients 16 --venues 50</c>.</summary>
internal sealed record BenchmarkOptions(int Seconds, int WarmupSeconds, int Clients, int Venues, bool PgbenchOnly)
{
    public const string Usage =
        "usage: Singr.RequestBenchmark [--seconds 30] [--warmup 5] [--clients 16] [--venues 50] [--pgbench-only]";

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions(Seconds: 30, WarmupSeconds: 5, Clients: 16, Venues: 50, PgbenchOnly: false);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--seconds" => options with { Seconds = PositiveNumber(args, ++i) },
                "--warmup" => options with { WarmupSeconds = PositiveNumber(args, ++i) },
                "--clients" => options with { Clients = PositiveNumber(args, ++i) },
                "--venues" => options with { Venues = PositiveNumber(args, ++i) },
                "--pgbench-only" => options with { PgbenchOnly = true },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'"),
            };
        }

        return options;
    }

    private static int PositiveNumber(IReadOnlyList<string> args, int index)
    {
        if (index >= args.Count || !int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw new ArgumentException($"'{args[index - 1]}' needs a whole number of at least 1");
        }

        return value;
    }
}
