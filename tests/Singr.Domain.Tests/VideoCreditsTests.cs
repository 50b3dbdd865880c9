using Singr.Grains.Interfaces.Catalog;

namespace Singr.Domain.Tests;

public sealed class VideoCreditsTests
{
    [Theory]
    [InlineData(0, 200, 1)]
    [InlineData(1_000_000, 300, 1)]
    [InlineData(1_000_001, 300, 2)]
    [InlineData(999, 301, 2)]
    [InlineData(2_000_000_000, 7200, 3)]
    public void A_video_costs_one_credit_plus_one_when_popular_plus_one_when_long(long views, int seconds, int credits)
    {
        Assert.Equal(credits, VideoCredits.For(views, seconds));
    }

    [Fact]
    public void No_video_costs_more_than_five_credits()
    {
        Assert.All(new[] { 0L, 1_000_001, long.MaxValue }, views => Assert.InRange(VideoCredits.For(views, int.MaxValue), VideoCredits.Base, VideoCredits.Most));
    }

    [Theory]
    [InlineData("PT3M33S", 213)]
    [InlineData("PT1H3M25S", 3805)]
    [InlineData("PT45S", 45)]
    [InlineData("PT4M", 240)]
    [InlineData("PT2H", 7200)]
    [InlineData("P1DT2H", 93_600)]
    [InlineData("P0D", 0)]
    [InlineData("PT12.5S", 12)]
    public void A_youtube_duration_reads_as_its_seconds(string duration, int seconds)
    {
        Assert.Equal(seconds, IsoDuration.Seconds(duration));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("3M33S")]
    [InlineData("P1Y")]
    [InlineData("PT3M33")]
    [InlineData("P1DT")]
    [InlineData("PT999999999H")]
    public void Text_that_is_no_video_duration_reads_as_none(string? duration)
    {
        Assert.Null(IsoDuration.Seconds(duration));
    }

    [Theory]
    [InlineData("Queen - Bohemian Rhapsody (Official Video)", "Queen Official", "Queen")]
    [InlineData("Rick Astley – Never Gonna Give You Up", "RickAstleyVEVO", "Rick Astley")]
    [InlineData("Bohemian Rhapsody", "Queen - Topic", "Queen")]
    [InlineData("Never Gonna Give You Up", "RickAstleyVEVO", "RickAstley")]
    [InlineData(" - Untitled", "Some Channel", "Some Channel")]
    public void The_artist_is_the_title_before_its_dash_or_else_the_channel(string title, string channel, string artist)
    {
        Assert.Equal(artist, VideoTitles.ArtistOf(title, channel));
    }
}
