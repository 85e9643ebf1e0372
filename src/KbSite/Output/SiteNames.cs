namespace Kb.Site.Output;

/// <summary>Short forms of the site's title.</summary>
public static class SiteNames
{
    /// <summary>OpenSearch allows a ShortName of at most 16 characters.</summary>
    public const int ShortNameLength = 16;

    /// <summary>The title if it fits in 16 characters, else its leading whole words that do ("KnowledgeBase Archive" → "KnowledgeBase").</summary>
    public static string ShortName(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var t = string.Join(' ', title.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (t.Length <= ShortNameLength)
        {
            return t.Length > 0 ? t : "KB search";
        }

        var words = t.Split(' ');
        var name = words[0];
        foreach (var w in words.Skip(1))
        {
            if (name.Length + 1 + w.Length > ShortNameLength)
            {
                break;
            }

            name += " " + w;
        }

        return name.Length <= ShortNameLength ? name : name[..ShortNameLength];
    }
}
