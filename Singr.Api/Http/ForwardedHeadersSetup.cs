using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace Singr.Api.Http;

/// <summary>
/// The client's address and scheme from <c>X-Forwarded-For</c>/<c>-Proto</c>, believed only from a trusted proxy
/// (<see cref="HttpOptions.TrustedNetworks"/> and loopback), so that rate limits count the real client, not the ingress.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddSingrForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HttpOptions>()
            .Bind(configuration.GetSection(HttpOptions.SectionName))
            .Validate(
                options => options.TrustedNetworks.All(network => IPNetwork.TryParse(network.Trim(), out _)),
                $"Every entry of {HttpOptions.SectionName}:TrustedNetworks must be a CIDR range such as 10.0.0.0/8 or fd00::/8.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HttpOptions>>((forwarded, http) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in http.Value.TrustedNetworks)
            {
                forwarded.KnownIPNetworks.Add(IPNetwork.Parse(network.Trim()));
            }
        });
        return services;
    }
}
