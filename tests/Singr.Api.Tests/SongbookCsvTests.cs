using Singr.Api.Songbook;

namespace Singr.Api.Tests;

public sealed class SongbookCsvTests
{
    [Fact]
    public void Columns_are_found_by_name_in_any_order_and_quoted_fields_keep_commas_quotes_and_line_breaks()
    {
        var parsed = SongbookCsv.Parse(
            "\uFEFFTitle,Extra,Artist,Disc ID,Tags\r\n" +
            "\"Love, Actually\",x,\"The \"\"Quoted\"\" Band\",SF-101,pop; ballad\r\n" +
            "\"Two\nLines\",,Someone,,\r\n" +
            "\r\n" +
            "Last,,Band,,");

        Assert.Empty(parsed.Problems);
        Assert.Equal(
            [(2, "The \"Quoted\" Band", "Love, Actually", "SF-101"), (3, "Someone", "Two\nLines", null), (6, "Band", "Last", null)],
            parsed.Rows.Select(r => (r.Line, r.Artist, r.Title, r.DiscId)));
        Assert.Equal(["pop", "ballad"], parsed.Rows[0].Tags);
    }

    [Theory]
    [InlineData("")]
    [InlineData("name,song\nABBA,SOS")]
    public void A_file_without_an_artist_and_a_title_column_is_refused_at_its_first_line(string text)
    {
        var parsed = SongbookCsv.Parse(text);

        Assert.Empty(parsed.Rows);
        Assert.Equal("lines[1]", Assert.Single(parsed.Problems).Field);
    }

    [Fact]
    public void A_line_with_a_NUL_is_reported_by_its_line()
    {
        var parsed = SongbookCsv.Parse("artist,title\nABBA,SOS\nBad,Ti\u0000tle\n");

        Assert.Equal("lines[3].text", Assert.Single(parsed.Problems).Field);
        Assert.Equal(["SOS"], parsed.Rows.Select(r => r.Title));
    }
}
