namespace Kb.Parser.Text;

/// <summary>
/// Reads the common shape of archive front matter without a YAML parser: every line is
/// <c>key: value</c> where the value is a plain word run (<c>layout: page</c>) or a quoted string
/// with no escapes or inner quotes (<c>title: "Q199250: SMS: ..."</c>). For such text YAML gives
/// exactly those strings, so the result is the same as YamlDotNet's; the YAML parser costs about
/// 8 µs per article, a tenth of the whole parse. Anything else (comments, blank lines, escapes,
/// block scalars, nested maps) is left to YamlDotNet.
/// </summary>
internal static class FlatFrontMatter
{
    public static bool TryRead(string yaml, Dictionary<string, string> into)
    {
        var text = yaml.AsSpan().TrimEnd("\r\n");
        if (text.IsEmpty)
        {
            return false;
        }

        var pairs = new List<KeyValuePair<string, string>>(4);
        foreach (var line in text.EnumerateLines())
        {
            // A blank or comment line fails here too: YamlDotNet reads those.
            if (!TryPair(line, out var key, out var value))
            {
                return false;
            }

            pairs.Add(new(key, value));
        }

        foreach (var (key, value) in pairs)
        {
            into[key] = value;
        }

        return true;
    }

    private static bool TryPair(ReadOnlySpan<char> line, out string key, out string value)
    {
        key = value = "";
        var colon = line.IndexOf(':');
        if (colon <= 0 || colon + 1 >= line.Length || line[colon + 1] != ' ' || !IsKey(line[..colon]))
        {
            return false;
        }

        var v = line[(colon + 1)..].Trim(' ');
        if (v.IsEmpty)
        {
            return false;
        }

        if (v.Length >= 2 && v[0] is '"' or '\'' && v[^1] == v[0])
        {
            var inner = v[1..^1];
            if (inner.ContainsAny('"', '\'', '\\') || !IsPrintable(inner))
            {
                return false;
            }

            value = inner.ToString();
        }
        else if (IsPlainWords(v))
        {
            value = v.ToString();
        }
        else
        {
            return false;
        }

        key = line[..colon].ToString();
        return true;
    }

    private static bool IsKey(ReadOnlySpan<char> key)
    {
        if (!char.IsAsciiLetter(key[0]))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Letters, digits, spaces and <c>/ . _ -</c>, starting with a letter, digit or slash: never special in YAML.</summary>
    private static bool IsPlainWords(ReadOnlySpan<char> v)
    {
        if (!char.IsAsciiLetterOrDigit(v[0]) && v[0] != '/')
        {
            return false;
        }

        foreach (var c in v)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not (' ' or '/' or '.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPrintable(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\uFEFF' or '\u2028' or '\u2029' or '\u0085')
            {
                return false;
            }
        }

        return true;
    }
}
