using Singr.Silo.Grains;

namespace Singr.Silo.Reminders;

internal sealed record DueReminder(GrainId GrainId, string Name, DateTimeOffset DueAt, TimeSpan Period);
