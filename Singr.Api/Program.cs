using Singr.Api;

const string MigrateOnly = "--migrate-only";
if (args.Contains(MigrateOnly))
{
    return await SingrApplication.MigrateOnlyAsync([.. args.Where(a => a != MigrateOnly)]);
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
