using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Singr.Silo.Forwarding;

namespace Singr.Silo.Cluster;

/// <summary>Refuses to start with an unknown role, or outside Development without a real cluster secret.</summary>
internal sealed class ClusterOptionsValidator(IHostEnvironment environment) : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        var failures = new List<string>();
        try
        {
            _ = options.ParsedRole;
        }
        catch (InvalidOperationException ex)
        {
            failures.Add(ex.Message);
        }

        if (string.IsNullOrEmpty(options.Secret) && !environment.IsDevelopment())
        {
            failures.Add($"Set Singr:Cluster:Secret (env Singr__Cluster__Secret) to a secret of at least {ClusterSecret.MinimumLength} characters shared by every Singr process.");
        }
        else if (!string.IsNullOrEmpty(options.Secret) && options.Secret.Length < ClusterSecret.MinimumLength)
        {
            failures.Add($"Singr:Cluster:Secret must be at least {ClusterSecret.MinimumLength} characters.");
        }

        if (options.MaxForwards < 1)
        {
            failures.Add("Singr:Cluster:MaxForwards must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
