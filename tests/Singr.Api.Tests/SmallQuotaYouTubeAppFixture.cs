namespace Singr.Api.Tests;

/// <summary>A day's quota of two searches and a little: the second search passes 90%, the third does not fit.</summary>
public sealed class SmallQuotaYouTubeAppFixture : YouTubeAppFixture
{
    public override int DailyQuotaUnits => 205;
}
