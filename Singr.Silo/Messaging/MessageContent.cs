using System.Text;
using System.Text.Encodings.Web;

namespace Singr.Silo.Messaging;

/// <summary>What a template says, once: rendered as plain text and as HTML from the same paragraphs.</summary>
/// <param name="Link">The one action of the message (verify, reset, sign in, accept), or null.</param>
internal sealed record MessageContent(string Subject, IReadOnlyList<string> Paragraphs, Uri? Link = null, string? LinkLabel = null)
{
    private const string Footer = "You get this email because of your Singr account or a request you made. Singr, live song requests.";

    public RenderedMessage Render() => new(Subject, Text(), Html());

    private string Text()
    {
        var text = new StringBuilder();
        foreach (var paragraph in Paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }

        if (Link is not null)
        {
            text.Append(LinkLabel).Append(": ").Append(Link.AbsoluteUri).Append("\n\n");
        }

        return text.Append("-- \n").Append(Footer).Append('\n').ToString();
    }

    private string Html()
    {
        var encode = HtmlEncoder.Default;
        var html = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.5;max-width:36em\">");
        html.Append("<h2>").Append(encode.Encode(Subject)).Append("</h2>");
        foreach (var paragraph in Paragraphs)
        {
            html.Append("<p>").Append(encode.Encode(paragraph)).Append("</p>");
        }

        if (Link is not null)
        {
            html.Append("<p><a href=\"").Append(encode.Encode(Link.AbsoluteUri)).Append("\" style=\"display:inline-block;padding:.6em 1.2em;background:#5b3cc4;color:#fff;border-radius:6px;text-decoration:none\">")
                .Append(encode.Encode(LinkLabel ?? Link.AbsoluteUri)).Append("</a></p>")
                .Append("<p style=\"font-size:.85em;color:#555\">Or open ").Append(encode.Encode(Link.AbsoluteUri)).Append("</p>");
        }

        return html.Append("<hr><p style=\"font-size:.8em;color:#777\">").Append(encode.Encode(Footer)).Append("</p></body></html>").ToString();
    }
}
