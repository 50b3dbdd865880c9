using Singr.Silo.Hosting;

namespace Singr.Api.Tests;

/// <summary>A process state for the readiness probe to report, as Orleans would while a silo joins or drains.</summary>
internal sealed record FixedPresence(bool IsActive, string Status) : IClusterPresence;
