using Singr.Api.Http;

namespace Singr.Api.Songbook;

public static class SongbookErrors
{
    public static ApiError NotUtf8() => new(
        "VALIDATION_ERROR", "The songbook is not UTF-8 text.", "Save the songbook as CSV in UTF-8 and try again.", []);

    public static ApiError TooManySongs(int count) => new(
        "VALIDATION_ERROR", $"The songbook has {count} songs; at most {Grains.Interfaces.Songbook.SongbookRules.MaxSongs} are taken.",
        "That songbook is too large to import at once.", []);
}
