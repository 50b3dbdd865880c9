using Singr.Api;
using Singr.Testing;

// The real Singr process (same composition, roles and configuration) with the test grains added, so cluster tests
// can run silos as separate processes and kill them.
var app = SingrApplication.Build(args, TestGrains.Register);
await app.RunAsync();
