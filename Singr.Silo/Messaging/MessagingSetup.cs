using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Singr.Grains.Accounts;

namespace Singr.Silo.Messaging;

public static class MessagingSetup
{
    /// <summary>
    /// The outbox, its templates, the email and SMS providers <c>Singr:Messaging</c> names (console unless configured),
    /// and the worker (unless <see cref="MessagingOptions.WorkerEnabled"/> is off).
    /// </summary>
    public static IServiceCollection AddSingrMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MessagingOptions>()
            .Bind(configuration.GetSection(MessagingOptions.SectionName))
            .PostConfigure(options => ApplyPlanVariables(options, configuration));
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.SectionName));
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxStore>();
        services.TryAddSingleton<MessageTemplates>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.AddTransient<TwilioApiBaseHandler>();
        services.AddHttpClient(TwilioSmsProvider.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(20))
            .AddHttpMessageHandler<TwilioApiBaseHandler>();
        services.TryAddSingleton<ConsoleEmailProvider>();
        services.TryAddSingleton<SmtpEmailProvider>();
        services.TryAddSingleton<ConsoleSmsProvider>();
        services.TryAddSingleton<TwilioSmsProvider>();
        services.TryAddSingleton<IEmailProvider>(sp =>
            sp.GetRequiredService<IOptions<MessagingOptions>>().Value.EmailProvider.Equals(MessagingOptions.SmtpProvider, StringComparison.OrdinalIgnoreCase)
                ? sp.GetRequiredService<SmtpEmailProvider>()
                : sp.GetRequiredService<ConsoleEmailProvider>());
        services.TryAddSingleton<ISmsProvider>(sp =>
            UsesTwilio(sp) ? sp.GetRequiredService<TwilioSmsProvider>() : sp.GetRequiredService<ConsoleSmsProvider>());
        // Registered after (or instead of) the grain runtime's default, so Twilio Verify checks the codes it sends.
        services.AddSingleton<ISmsCodeVerifier>(sp => UsesTwilio(sp) && sp.GetRequiredService<TwilioSmsProvider>().VerifiesCodes
            ? sp.GetRequiredService<TwilioSmsProvider>()
            : new OwnSmsCodes());
        if (configuration.GetValue($"{MessagingOptions.SectionName}:{nameof(MessagingOptions.WorkerEnabled)}", defaultValue: true))
        {
            services.AddHostedService<OutboxWorker>();
        }

        return services;
    }

    private static bool UsesTwilio(IServiceProvider services) =>
        services.GetRequiredService<IOptions<MessagingOptions>>().Value.SmsProvider.Equals(MessagingOptions.TwilioProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>The Singr backend plan's environment variables, where set, win over <c>Singr:Messaging</c>.</summary>
    private static void ApplyPlanVariables(MessagingOptions options, IConfiguration configuration)
    {
        if (bool.TryParse(configuration["ENABLE_EMAIL_SENDING"], out var email))
        {
            options.EnableEmailSending = email;
        }

        if (bool.TryParse(configuration["ENABLE_SMS_SENDING"], out var sms))
        {
            options.EnableSmsSending = sms;
        }

        options.EmailProvider = configuration["EMAIL_PROVIDER"] ?? options.EmailProvider;
        options.SmsProvider = configuration["SMS_PROVIDER"] ?? options.SmsProvider;
        if (int.TryParse(configuration["EMAIL_RATE_LIMIT_MAX"], out var emailLimit))
        {
            options.EmailsPerUserPerHour = emailLimit;
        }

        if (int.TryParse(configuration["SMS_RATE_LIMIT_MAX"], out var smsLimit))
        {
            options.SmsPerUserPerHour = smsLimit;
        }
    }
}
