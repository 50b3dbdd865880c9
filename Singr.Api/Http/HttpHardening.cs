using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace Singr.Api.Http;

/// <summary>
/// What every request passes before a handler: Singr's size limits, a target no route should see, text that cannot be
/// stored, a JSON body that is not UTF-8, security headers, and CORS for the configured origins only (<see cref="HttpOptions.CorsOrigins"/>; none by
/// default, so a browser page of another origin cannot call the API).
/// </summary>
public static class HttpHardening
{
    public const string CorsPolicy = "configured-origins";

    public static IServiceCollection AddSingrHttpHardening(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new StorableTextJsonConverter()));
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<HttpOptions>>((cors, http) =>
            cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins([.. http.Value.CorsOrigins])
                .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
                .WithHeaders("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id")
                .WithExposedHeaders("Retry-After", "X-Request-Id")));
        return services;
    }

    /// <summary>After the correlation id (refusals carry it) and before static files, so pages get the headers too.</summary>
    public static IApplicationBuilder UseSingrHttpHardening(this IApplicationBuilder app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<RequestSizeGuard>();
        app.UseMiddleware<RequestTargetGuard>();
        app.UseMiddleware<Utf8BodyGuard>();
        app.UseCors(CorsPolicy);
        return app;
    }
}
