namespace Kb.Parser.Options;

/// <summary>The spec's kind of an option, from the label the article uses and the section it stands in.</summary>
internal static class OptionLabels
{
    /// <summary>
    /// The article's own label ("Option 2" gives option, "Method 2" or "one of the following methods" gives method,
    /// "workarounds" gives workaround); otherwise the section (resolution, workaround), and option elsewhere.
    /// <paramref name="word"/> is the label word the text used, or empty.
    /// </summary>
    public static string KindOf(string word, string? sectionName)
    {
        var w = word.ToLowerInvariant();
        if (w.StartsWith("workaround", StringComparison.Ordinal))
        {
            return Model.OptionKinds.Workaround;
        }

        if (w.StartsWith("option", StringComparison.Ordinal))
        {
            return Model.OptionKinds.Option;
        }

        if (w.StartsWith("method", StringComparison.Ordinal))
        {
            return Model.OptionKinds.Method;
        }

        if (IsSection(sectionName, "WORKAROUND"))
        {
            return Model.OptionKinds.Workaround;
        }

        if (IsSection(sectionName, "RESOLUTION"))
        {
            return Model.OptionKinds.Resolution;
        }

        return w.Length > 0 && w is not ("resolution" or "resolutions") ? Model.OptionKinds.Method : Model.OptionKinds.Option;
    }

    /// <summary>True when the top-level section's heading starts with <paramref name="name"/> ("RESOLUTION", "WORKAROUND").</summary>
    public static bool IsSection(string? sectionName, string name) =>
        sectionName?.StartsWith(name, StringComparison.OrdinalIgnoreCase) == true;
}
