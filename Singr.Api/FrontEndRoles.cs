namespace Singr.Api;

/// <summary>
/// <c>Singr:Cluster:Role</c>: <c>silo+api</c> (the default, for <c>make run</c>: this process also hosts a silo) or
/// <c>api</c> (a front end only, an Orleans client of the silos that <c>Singr.Silo</c> runs).
/// </summary>
public static class FrontEndRoles
{
    public const string ConfigurationKey = "Singr:Cluster:Role";

    public const string CoHosted = "silo+api";

    public const string FrontEndOnly = "api";

    public static string Parse(string? configured) => configured?.Trim().ToLowerInvariant() switch
    {
        null or "" or CoHosted => CoHosted,
        FrontEndOnly => FrontEndOnly,
        _ => throw new InvalidOperationException(
            $"{ConfigurationKey} is '{configured}': use '{CoHosted}' (this process also hosts a silo) or '{FrontEndOnly}' (a front end; silos run Singr.Silo)."),
    };
}
