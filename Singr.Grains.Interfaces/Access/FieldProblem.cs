namespace Singr.Grains.Interfaces.Access;

/// <summary>One invalid field of a command, named as the API names it.</summary>
public sealed record FieldProblem(string Field, string Message);
