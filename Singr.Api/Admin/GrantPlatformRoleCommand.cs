using Singr.Grains.Interfaces.Accounts;
using Singr.Grains.Interfaces.Audit;
using Orleans;
using Singr.Silo.Hosting;

namespace Singr.Api.Admin;

/// <summary>
/// <c>--grant-platform-role ROLE EMAIL</c>: how an operator makes the first platform admin (later ones are granted over
/// the API). It joins the running cluster as a front end, asks the account's grain, prints what happened and exits:
/// 0 granted, 1 refused (no such account, unknown role), 2 no running silo to ask.
/// </summary>
public static class GrantPlatformRoleCommand
{
    public const string Name = "--grant-platform-role";

    private static readonly TimeSpan FindSiloWithin = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var at = Array.IndexOf(args, Name);
        if (at < 0 || at + 2 >= args.Length)
        {
            await Console.Error.WriteLineAsync($"Usage: Singr.Api {Name} <admin|support_admin|developer> <email>");
            return 1;
        }

        var (role, email) = (args[at + 1], args[at + 2]);
        // The same environment as the Singr processes it joins (they read ASPNETCORE_ENVIRONMENT), for the same settings.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. args.Where((_, i) => i < at || i > at + 2)],
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"),
        });
        SingrHosting.ConfigureLogging(builder.Logging, builder.Environment);
        builder.Configuration[$"{OrleansOptions.SectionName}:{nameof(OrleansOptions.ConnectTimeout)}"] = FindSiloWithin.ToString();
        builder.UseOrleansClient(client => client.UseSingrCluster(builder.Configuration, SingrHosting.ConnectionStringFrom(builder.Configuration)));
        using var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch (Exception ex) when (ClusterUnavailable.Is(ex) || ex is Orleans.Runtime.OrleansException)
        {
            await Console.Error.WriteLineAsync($"No running Singr silo answered within {FindSiloWithin.TotalSeconds:0} s: start Singr first. ({ex.Message})");
            return 2;
        }

        try
        {
            var account = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IAccountGrain>(AccountEmail.Normalize(email));
            var stamp = new AuditStamp(Guid.Empty, "operator", null, null, "operator", null, "cli");
            var outcome = await account.SetPlatformRole(role, stamp);
            await (outcome.Succeeded
                ? Console.Out.WriteLineAsync($"{email} is now {role}.")
                : Console.Error.WriteLineAsync($"Refused: {outcome.Error}."));
            return outcome.Succeeded ? 0 : 1;
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
