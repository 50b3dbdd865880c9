namespace Singr.Api.Http;

/// <summary>
/// Text Singr can store: PostgreSQL's text cannot hold the NUL character, and UTF-8 has no form for half of a
/// surrogate pair. Such text is refused where it enters (JSON bodies and hub arguments through
/// <see cref="StorableTextJsonConverter"/>, query strings and route values through <see cref="RequestTargetGuard"/>),
/// so it never reaches a grain or the database.
/// </summary>
public static class StorableText
{
    public const string Problem = "Text may not contain the NUL character (U+0000) or half of a surrogate pair.";

    public static bool IsStorable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0' || char.IsLowSurrogate(c))
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }
}
