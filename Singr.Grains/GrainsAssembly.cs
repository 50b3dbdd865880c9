using System.Reflection;

namespace Singr.Grains;

/// <summary>Points the silo at this assembly, whose grain classes it registers.</summary>
public static class GrainsAssembly
{
    public static Assembly Assembly => typeof(GrainsAssembly).Assembly;
}
