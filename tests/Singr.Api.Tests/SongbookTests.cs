using System.Net;
using System.Text;

namespace Singr.Api.Tests;

public sealed class SongbookTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task A_20000_song_songbook_imports_at_once_and_patrons_find_a_song_by_the_start_of_its_words_or_a_misspelling()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var csv = new StringBuilder("artist,title,disc_id,language,tags\n");
        for (var i = 0; i < 19_999; i++)
        {
            csv.Append(FormattableString.Invariant($"Artist {i % 500},Song Number {i},SC-{i},en,filler\n"));
        }

        csv.Append("Queen,Bohemian Rhapsody,SF-042,en,rock;classic\n");

        var imported = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/venues/{slug}/songbook", Csv(csv.ToString()));
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        var prefix = await SearchAsync(guest, slug, "bohemian rhap");
        var typo = await SearchAsync(guest, slug, "bohemain rhapsody");
        var typoAndPart = await SearchAsync(guest, slug, "bohemain rhap");
        var byArtist = await SearchAsync(guest, slug, "queen");
        var stored = await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM songbook_entries e JOIN venues v ON v.id = e.venue_id WHERE v.slug = $1", slug);
        var audited = await app.Database.ScalarAsync<string>(
            "SELECT a.after->>'songs' FROM audit_log a JOIN venues v ON v.id = a.venue_id WHERE v.slug = $1 AND a.action = 'songbook.imported'", slug);

        Assert.Equal(20_000, imported.GetProperty("songs").GetInt32());
        Assert.Equal(20_000L, stored);
        Assert.Equal("20000", audited);
        Assert.Equal(("Queen", "Bohemian Rhapsody"), First(prefix));
        Assert.Equal(("Queen", "Bohemian Rhapsody"), First(typo));
        Assert.Equal(("Queen", "Bohemian Rhapsody"), First(typoAndPart));
        Assert.Equal(("Queen", "Bohemian Rhapsody"), First(byArtist));
        Assert.Equal(["rock", "classic"], prefix[0].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task A_bad_line_refuses_the_whole_import_naming_each_line_and_the_songbook_stays_as_it_was()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/venues/{slug}/songbook", Csv("artist,title\nABBA,SOS\nABBA,Waterloo\n"));
        var csv = new StringBuilder("artist,title\n");
        for (var i = 2; i <= 1000; i++)
        {
            csv.Append(i switch
            {
                17 => "No Title,\n",
                100 => "Band,\n",
                500 => new string('a', 201) + ",Too Long\n",
                _ => FormattableString.Invariant($"Band {i},Song {i}\n"),
            });
        }

        using var refused = await owner.SendAsync(HttpMethod.Post, $"/v1/venues/{slug}/songbook", Csv(csv.ToString()));
        var error = await EnvelopeJson.ErrorOfAsync(refused);
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        var stillThere = await SearchAsync(guest, slug, "waterloo");
        var notImported = await SearchAsync(guest, slug, "band 18");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["lines[17].title", "lines[100].title", "lines[500].artist"], error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()));
        Assert.Contains("Line 17", error.GetProperty("details")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(("ABBA", "Waterloo"), First(stillThere));
        Assert.Empty(notImported);
    }

    [Fact]
    public async Task A_patron_requests_a_songbook_song_by_its_id_and_an_id_from_another_venues_songbook_is_refused()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var other = await owner.CreateVenueAsync();
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/venues/{slug}/songbook", Csv("artist,title\nABBA,Dancing Queen\n"));
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/venues/{other}/songbook", Csv("artist,title\nABBA,Fernando\n"));
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        var song = (await SearchAsync(guest, slug, "dancing"))[0].GetProperty("songId").GetGuid();
        var elsewhere = (await SearchAsync(await ApiUser.GuestTokenAsync(app.Client, other), other, "fernando"))[0].GetProperty("songId").GetGuid();

        using var requested = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/queue", guest, new { songId = song, singer = "Ann" });
        using var foreign = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/queue", guest, new { songId = elsewhere });
        var item = (await EnvelopeJson.DataOfAsync(requested)).GetProperty("item");

        Assert.Equal(("karaoke", "ABBA", "Dancing Queen", "Ann"),
            (item.GetProperty("kind").GetString(), item.GetProperty("artist").GetString(), item.GetProperty("title").GetString(), item.GetProperty("singerName").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal("songId", (await EnvelopeJson.ErrorOfAsync(foreign)).GetProperty("details")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_request_shaped_as_the_seeds_clients_send_it_without_a_kind_is_a_jukebox_request_when_it_names_a_video()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();

        var accepted = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue",
            new { youtubeId = "dQw4w9WgXcQ", title = "Never Gonna Give You Up", artist = "Rick Astley", duration = 213 });

        Assert.Equal("jukebox", accepted.GetProperty("item").GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("?q=", HttpStatusCode.BadRequest, "VALIDATION_ERROR")]
    [InlineData("?q=abba&kind=vinyl", HttpStatusCode.BadRequest, "VALIDATION_ERROR")]
    [InlineData("?q=abba&limit=51", HttpStatusCode.BadRequest, "VALIDATION_ERROR")]
    [InlineData("?q=abba&kind=jukebox", HttpStatusCode.UnprocessableEntity, "JUKEBOX_SEARCH_OFF")]
    public async Task A_search_that_cannot_be_answered_says_why(string query, HttpStatusCode status, string code)
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();

        using var response = await owner.SendAsync(HttpMethod.Get, $"/v1/venues/{slug}/songs/search{query}");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await EnvelopeJson.ErrorOfAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_search_of_tsquery_syntax_is_read_as_words_and_finds_nothing_rather_than_failing()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/venues/{slug}/songbook", Csv("artist,title\nABBA,SOS\n"));

        var odd = await SearchAsync(owner.Token, slug, "!(&|:*<->'\\");
        var sos = await SearchAsync(owner.Token, slug, "sos!");

        Assert.Empty(odd);
        Assert.Equal(("ABBA", "SOS"), First(sos));
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private async Task<List<System.Text.Json.JsonElement>> SearchAsync(string token, string slug, string query)
    {
        using var response = await ApiUser.SendAsync(app.Client, HttpMethod.Get, $"/v1/venues/{slug}/songs/search?q={Uri.EscapeDataString(query)}", token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await EnvelopeJson.DataOfAsync(response)).EnumerateArray()];
    }

    private static (string?, string?) First(List<System.Text.Json.JsonElement> songs) =>
        songs.Count == 0 ? (null, null) : (songs[0].GetProperty("artist").GetString(), songs[0].GetProperty("title").GetString());
}
