using Singr.Api;

var app = SingrApplication.Build(args);
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
