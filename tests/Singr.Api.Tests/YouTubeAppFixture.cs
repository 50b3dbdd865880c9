using System.Globalization;

namespace Singr.Api.Tests;

/// <summary>The app with jukebox search switched on, pointed at a <see cref="FakeYouTube"/>.</summary>
public class YouTubeAppFixture : ApiAppFixture
{
    internal FakeYouTube YouTube { get; } = new();

    /// <summary>The day's quota the app is given (YouTube's default unless a fixture spends it on purpose).</summary>
    public virtual int DailyQuotaUnits => 10_000;

    protected override SingrApiFactory CreateFactory() => new(Database, seedDemo: false, Clock, settings: new Dictionary<string, string?>
    {
        ["Singr:YouTube:ApiKey"] = FakeYouTube.ApiKey,
        ["Singr:YouTube:BaseUrl"] = YouTube.BaseUrl,
        ["Singr:YouTube:DailyQuotaUnits"] = DailyQuotaUnits.ToString(CultureInfo.InvariantCulture),
        ["Singr:YouTube:Timeout"] = "00:00:03",
    });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        YouTube.Dispose();
    }
}
