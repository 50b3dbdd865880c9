using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Singr.Api.Players;

namespace Singr.Api.Tests;

public sealed class PlayerOptionsValidatorTests
{
    [Theory]
    [InlineData("youtube", "Production", true)]
    [InlineData("test", "Development", true)]
    [InlineData("test", "Production", false)]
    [InlineData("vimeo", "Development", false)]
    public void The_test_video_adapter_never_plays_at_a_production_venue(string adapter, string environment, bool valid)
    {
        var validator = new PlayerOptionsValidator(new HostingEnvironment { EnvironmentName = environment });

        Assert.Equal(valid, validator.Validate(null, new PlayerOptions { VideoAdapter = adapter }).Succeeded);
    }
}
