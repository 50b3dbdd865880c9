using Singr.Api;
using Singr.Silo.Hosting;

if (args.Contains(SingrHosting.MigrateOnlyArgument))
{
    return await SingrHosting.MigrateOnlyAsync([.. args.Where(a => a != SingrHosting.MigrateOnlyArgument)]);
}

if (args.Contains(Singr.Api.Admin.GrantPlatformRoleCommand.Name))
{
    return await Singr.Api.Admin.GrantPlatformRoleCommand.RunAsync(args);
}

var app = SingrApplication.Build(args);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
