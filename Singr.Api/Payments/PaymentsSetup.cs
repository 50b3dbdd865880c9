namespace Singr.Api.Payments;

public static class PaymentsSetup
{
    /// <summary>Credit packages and Stripe (off without keys).</summary>
    public static IServiceCollection AddSingrPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StripeOptions>().Bind(configuration.GetSection(StripeOptions.SectionName));
        services.AddHttpClient(StripeClients.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(20));
        services.AddSingleton<StripeClients>();
        services.AddSingleton<CheckoutSessions>();
        services.AddSingleton<StripeRefunds>();
        services.AddSingleton<PurchaseBook>();
        services.AddSingleton<CreditPackages>();
        return services;
    }
}
