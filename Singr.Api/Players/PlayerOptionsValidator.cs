using Microsoft.Extensions.Options;

namespace Singr.Api.Players;

/// <summary>The test video adapter is refused in Production, so a venue's screen always plays the real videos.</summary>
public sealed class PlayerOptionsValidator(IHostEnvironment environment) : IValidateOptions<PlayerOptions>
{
    public ValidateOptionsResult Validate(string? name, PlayerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.VideoAdapter switch
        {
            PlayerOptions.YouTube => ValidateOptionsResult.Success,
            PlayerOptions.TestAdapter when !environment.IsProduction() => ValidateOptionsResult.Success,
            PlayerOptions.TestAdapter => ValidateOptionsResult.Fail($"{PlayerOptions.SectionName}:VideoAdapter 'test' is for tests; Production plays YouTube."),
            _ => ValidateOptionsResult.Fail($"{PlayerOptions.SectionName}:VideoAdapter must be '{PlayerOptions.YouTube}' or '{PlayerOptions.TestAdapter}'."),
        };
    }
}
