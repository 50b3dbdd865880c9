using Microsoft.Extensions.DependencyInjection;
using Singr.Api.Http;

namespace Singr.Api.Tests;

/// <summary>
/// The app behind a real Kestrel listener, for what only a server parsing bytes does: dot segments folded into the
/// parent path, its own size limits. <see cref="AllowedOrigin"/> is the one origin CORS lets in.
/// </summary>
public sealed class KestrelAppFixture : ApiAppFixture
{
    public const string AllowedOrigin = "https://console.singr.example";

    protected override SingrApiFactory CreateFactory()
    {
        var factory = new SingrApiFactory(Database, seedDemo: false, Clock, configureServices: services =>
            services.Configure<HttpOptions>(http => http.CorsOrigins.Add(AllowedOrigin)));
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }
}
