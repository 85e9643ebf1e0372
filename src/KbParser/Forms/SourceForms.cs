namespace Kb.Parser.Forms;

/// <summary>
/// The forms an article can come in (docs/formats.md). A record's <c>sourceForm</c> holds one of these;
/// it is left out (null) for the archive's Markdown form, so Markdown records are unchanged.
/// </summary>
public static class SourceForms
{
    /// <summary>kbarchive's Markdown: YAML front matter, an H2 title, the tab-indented fixed-width text.</summary>
    public const string Markdown = "markdown";

    /// <summary>Microsoft's FTP/KB text: <c>DOCUMENT:</c>, <c>TITLE   :</c> ... lines, a rule of <c>=</c>, the fixed-width body.</summary>
    public const string FtpText = "ftp-text";

    /// <summary>The KB CD form: <c>PSS ID Number:</c>, <c>Article Last Modified on</c>, plain-word section heads.</summary>
    public const string KbCd = "kb-cd";

    /// <summary>The FTP <c>MISC/KB/en-us/NNN/NNN.HTM</c> variant: first line <c>Title (NNNNNN)</c>.</summary>
    public const string KbCdHtm = "kb-cd-htm";

    /// <summary>The 1993 text: <c>ARTICLE-ID:</c> / <c>TITLE     :</c>, <c>Summary:</c> heads, many articles a file.</summary>
    public const string Text1993 = "text-1993";
}
