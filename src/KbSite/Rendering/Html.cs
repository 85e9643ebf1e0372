using System.Text;
using System.Text.Encodings.Web;

namespace Kb.Site.Rendering;

/// <summary>
/// The one way HTML is built in C#: text always goes through <see cref="Text(string)"/>;
/// a deliberate insert of markup uses <see cref="Raw(string)"/> so every such place can be found by grep.
/// </summary>
internal sealed class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;
    private readonly StringBuilder _sb;

    public Html(int capacity = 4096) => _sb = new StringBuilder(capacity);

    public static string Encode(string? text) => text is null ? "" : Encoder.Encode(text);

    /// <summary>Appends text, HTML-encoded.</summary>
    public Html Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            // Encode returns the same string when nothing needs escaping: no copy for most text.
            _sb.Append(Encoder.Encode(text));
        }

        return this;
    }

    /// <summary>Appends trusted markup built by this assembly (tags and attribute names, never article text).</summary>
    public Html Raw(string markup)
    {
        _sb.Append(markup);
        return this;
    }

    /// <summary>Appends <c> name="value"</c> with the value encoded.</summary>
    public Html Attr(string name, string? value)
    {
        _sb.Append(' ').Append(name).Append("=\"");
        Text(value);
        _sb.Append('"');
        return this;
    }

    public override string ToString() => _sb.ToString();
}
