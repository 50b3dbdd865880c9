namespace Singr.Grains.Interfaces.Runtime;

/// <summary>Marker for every grain interface. Grain interface methods return <see cref="Task"/> or <see cref="Task{TResult}"/>.</summary>
#pragma warning disable CA1040 // A marker interface is the point: the runtime discovers grain interfaces by it.
public interface IGrain;
#pragma warning restore CA1040
