using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Singr.Silo.Cluster;

namespace Singr.Silo.Forwarding;

/// <summary>The secret every internal call carries. Outside Development a real one (32+ characters) is required.</summary>
internal sealed class ClusterSecret
{
    public const string HeaderName = "X-Singr-Cluster-Secret";
    public const int MinimumLength = 32;
    private const string DevelopmentSecret = "singr-development-cluster-secret-not-for-production";

    private readonly byte[] _secret;

    public ClusterSecret(IOptions<ClusterOptions> options, IHostEnvironment environment)
    {
        // ClusterOptionsValidator has refused to start without a real secret outside Development.
        var configured = string.IsNullOrEmpty(options.Value.Secret) && environment.IsDevelopment()
            ? DevelopmentSecret
            : options.Value.Secret ?? throw new InvalidOperationException("Singr:Cluster:Secret is not set.");
        Value = configured;
        _secret = Encoding.UTF8.GetBytes(configured);
    }

    public string Value { get; }

    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _secret);
}
