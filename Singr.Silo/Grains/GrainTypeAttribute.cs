namespace Singr.Silo.Grains;

/// <summary>
/// Names a grain class's type as stored in the database (state, directory, reminders).
/// Without it the name is the class name, lower-cased, without a trailing "Grain".
/// Renaming a class with stored state must keep its name through this attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
