using System.Globalization;
using System.Text.RegularExpressions;
using Kb.Index.Search;

namespace Kb.Cli.Commands;

/// <summary>
/// Rewrites a query the search syntax cannot read into a message for the user: where (the character
/// position, with the query shown and a caret under it), what looks wrong (an unclosed quote or
/// parenthesis, a field with no value, a lone AND/OR/NOT) and how to search the words as written.
/// </summary>
internal static partial class QueryErrors
{
    public static string Describe(string query, KbQueryException ex)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(ex);
        if (ex.InnerException is null)
        {
            return ex.Message;
        }

        var text = query.Trim();
        var position = Position(ex.InnerException.Message, text.Length);
        var problem = Problem(text);
        var c = CultureInfo.InvariantCulture;
        var literal = text.Replace("\"", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal);
        return string.Create(c, $"cannot read the query at character {position}{(problem is null ? "" : ": " + problem)}")
            + Environment.NewLine + "    " + text
            + Environment.NewLine + "    " + new string(' ', Math.Max(0, position - 1)) + "^"
            + Environment.NewLine + $"kb: to search the words as written, put them in quotes: kb search '\"{literal}\"'";
    }

    /// <summary>The 1-based character where the parser stopped, from its "line 1, column N" (clamped to just past the end).</summary>
    private static int Position(string message, int length)
    {
        var m = Column().Match(message);
        if (!m.Success || !int.TryParse(m.Groups["column"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var column))
        {
            return length + 1;
        }

        // The lexer counts columns from 1 ("Lexical error at line 1, column 13"), the parser from 0.
        var oneBased = message.Contains("Lexical error", StringComparison.Ordinal) ? column : column + 1;
        return Math.Clamp(oneBased, 1, length + 1);
    }

    private static string? Problem(string text)
    {
        if (text.Count(ch => ch == '"') % 2 == 1)
        {
            return "a quote (\") is not closed";
        }

        if (text.Count(ch => ch == '(') != text.Count(ch => ch == ')'))
        {
            return "the parentheses do not match";
        }

        if (EmptyField().Match(text) is { Success: true } field)
        {
            return $"'{field.Groups["field"].Value}:' has no value after it";
        }

        return LoneOperator().IsMatch(text) ? "AND, OR and NOT need words on both sides" : null;
    }

    [GeneratedRegex(@"column (?<column>\d+)")]
    private static partial Regex Column();

    [GeneratedRegex(@"(?<field>\w+):(\s|$)")]
    private static partial Regex EmptyField();

    [GeneratedRegex(@"(^\s*(AND|OR)\b)|(\b(AND|OR|NOT)\s*$)")]
    private static partial Regex LoneOperator();
}
