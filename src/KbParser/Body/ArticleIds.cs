using System.Text.RegularExpressions;

namespace Kb.Parser.Body;

/// <summary>Finds and normalises article numbers (<c>Q199250</c>, <c>KB199250</c>, <c>199250</c>).</summary>
internal static partial class ArticleIds
{
    /// <summary>The first <c>Qnnnnnn</c> in the text, or null.</summary>
    public static string? FirstIn(string text)
    {
        var m = QNumber().Match(text);
        return m.Success ? m.Value : null;
    }

    /// <summary>Every distinct <c>Qnnnnnn</c> in the text, in order.</summary>
    public static IEnumerable<string> AllIn(string text)
    {
        foreach (Match m in QNumber().Matches(text))
        {
            yield return m.Value;
        }
    }

    /// <summary>Normalises <c>q199250</c>, <c>KB199250</c>, <c>kb 199250</c> or <c>199250</c> to <c>Q199250</c>.</summary>
    public static bool TryNormalize(string text, out string id)
    {
        var m = AnyForm().Match(text.Trim());
        id = m.Success ? "Q" + m.Groups[1].Value : "";
        return m.Success;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])Q\d{4,7}(?![0-9])")]
    private static partial Regex QNumber();

    [GeneratedRegex(@"^(?:[Qq]|[Kk][Bb]\s?)?(\d{4,7})$")]
    private static partial Regex AnyForm();
}
