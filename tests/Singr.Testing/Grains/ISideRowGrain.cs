using Singr.Grains.Interfaces.Runtime;

namespace Singr.Testing.Grains;

public interface ISideRowGrain : IGrainWithStringKey
{
    /// <summary>Sets the value and writes a side row for it in the same transaction; a negative value makes the side row fail.</summary>
    Task SetValue(int value);

    Task<int> GetValue();
}
