using Microsoft.Extensions.Options;

namespace Singr.Api.Catalog;

public static class CatalogSetup
{
    /// <summary>Jukebox search through YouTube (off without an API key), its cache and its typed HTTP client.</summary>
    public static IServiceCollection AddSingrCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<YouTubeOptions>().Bind(configuration.GetSection(YouTubeOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<YouTubeOptions>, YouTubeOptionsValidator>();
        services.AddHttpClient<YouTubeClient>((provider, http) =>
        {
            var youTube = provider.GetRequiredService<IOptions<YouTubeOptions>>().Value;
            http.BaseAddress = new Uri(youTube.BaseUrl.TrimEnd('/') + "/");
            http.Timeout = youTube.Timeout;
        });
        services.AddSingleton<VideoCatalogCache>();
        services.AddTransient<VideoCatalog>();
        return services;
    }
}
