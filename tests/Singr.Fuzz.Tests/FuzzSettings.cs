using System.Globalization;

namespace Singr.Fuzz.Tests;

/// <summary>
/// How much to fuzz: CI runs a fixed seed (the same requests every run, so a failure reproduces); <c>FUZZ_SEED</c> and
/// <c>FUZZ_COUNT</c> (cases per operation) run other and longer campaigns on demand.
/// </summary>
public static class FuzzSettings
{
    public const ulong DefaultSeed = 20261202;
    public const int DefaultCasesPerOperation = 30;

    public static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed : DefaultSeed;

    public static int CasesPerOperation =>
        int.TryParse(Environment.GetEnvironmentVariable("FUZZ_COUNT"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : DefaultCasesPerOperation;
}
