using System.Globalization;
using System.Text.RegularExpressions;
using Kb.Parser.Model;

namespace Kb.Parser.Body;

/// <summary>Reads the values of the header block fields (versions, dates, lists).</summary>
internal static partial class HeaderValues
{
    private static readonly string[] DateFormats =
        ["dd-MMM-yyyy", "d-MMM-yyyy", "dd-MMM-yy", "yyyy-MM-dd", "MM/dd/yyyy", "M/d/yyyy", "MMMM d, yyyy", "dd MMM yyyy"];

    /// <summary>Parses <c>08-MAY-1999</c> and the other date forms into an ISO date.</summary>
    public static string? ParseDate(string value)
    {
        var v = value.Trim();
        if (v.Length == 0 || v.Length > 40)
        {
            return null;
        }

        if (TryParseArchiveDate(v, out var iso))
        {
            return iso;
        }

        if (DateTime.TryParseExact(v, DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return null;
    }

    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>The archive's own form, <c>08-MAY-1999</c>, read without the general date parser.</summary>
    private static bool TryParseArchiveDate(string v, out string iso)
    {
        iso = "";
        if (v.Length != 11 || v[2] != '-' || v[6] != '-'
            || !int.TryParse(v.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(v.AsSpan(7, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }

        var month = Array.FindIndex(Months, m => v.AsSpan(3, 3).Equals(m, StringComparison.OrdinalIgnoreCase)) + 1;
        if (month == 0 || year < 1900 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        iso = new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>
    /// Parses <c>winnt:4.0,5.0</c>, <c>WINDOWS:3.1,3.11; winnt:4.0</c>, <c>4.00 4.00b 4.50</c> and the
    /// older column form <c>5.10 | 5.10</c>, whose columns line up with <c>Operating System(s)</c>.
    /// </summary>
    public static IReadOnlyList<ProductVersion> ParseVersions(string value, IReadOnlyList<string> osColumns)
    {
        var result = new List<ProductVersion>();
        var seen = new HashSet<(string?, string)>();
        var columns = value.Split('|');
        for (var c = 0; c < columns.Length; c++)
        {
            string? columnPlatform = columns.Length > 1 && osColumns.Count == columns.Length
                ? NullIfEmpty(osColumns[c]) : null;
            foreach (var group in columns[c].Split(';'))
            {
                var g = group.Trim();
                if (g.Length == 0)
                {
                    continue;
                }

                string? platform = columnPlatform;
                var colon = g.IndexOf(':', StringComparison.Ordinal);
                if (colon >= 0)
                {
                    platform = NullIfEmpty(g[..colon].Trim());
                    g = g[(colon + 1)..];
                }

                foreach (var v in g.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (seen.Add((platform, v)))
                    {
                        result.Add(new ProductVersion(platform, v));
                    }
                }
            }
        }

        return result;
    }

    /// <summary>Splits <c>MS-DOS | OS/2</c> into columns, keeping empty columns (they align with versions).</summary>
    public static IReadOnlyList<string> OsColumns(string value) =>
        value.Split('|', StringSplitOptions.TrimEntries);

    public static IReadOnlyList<string> SplitList(string value, params char[] separators)
    {
        var parts = value.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new List<string>(parts.Length);
        foreach (var p in parts)
        {
            if (!result.Contains(p, StringComparer.Ordinal))
            {
                result.Add(p);
            }
        }

        return result;
    }

    /// <summary>Splits an applies-to line into product and version ("Microsoft X version 2.0").</summary>
    public static AppliesToEntry ParseAppliesTo(string text, LineSpan lines)
    {
        var t = text.Trim();
        var m = VersionWord().Match(t);
        if (m.Success)
        {
            return new AppliesToEntry(m.Groups["p"].Value.TrimEnd(',', ' '), m.Groups["v"].Value.Trim(), t, lines);
        }

        m = TrailingVersion().Match(t);
        if (m.Success)
        {
            return new AppliesToEntry(m.Groups["p"].Value.TrimEnd(',', ' '), m.Groups["v"].Value.Trim(), t, lines);
        }

        return new AppliesToEntry(t, null, t, lines);
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    [GeneratedRegex(@"^(?<p>.{1,200}?),?\s+(?:versions?|Version)\s+(?<v>[\w.]{1,20}(?:.{0,200}))$")]
    private static partial Regex VersionWord();

    [GeneratedRegex(@"^(?<p>.{1,200}?)\s+(?<v>\d[\w.]{0,12}(?:(?:\s*,\s*|\s+and\s+|\s+)\d[\w.]{0,12}){0,20})$")]
    private static partial Regex TrailingVersion();
}
