using System.Reflection;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace Kb.Cli.Commands;

/// <summary>
/// Turns the command-line parser's errors into messages that name what the user typed and what kb
/// expected ("--since expects a year, got 'abc'", "unknown command 'serach'; did you mean 'search'?"),
/// never a .NET type name.
/// </summary>
internal static partial class UsageMessages
{
    /// <summary>The verbs kb knows, for suggestions.</summary>
    public static IReadOnlyList<string> Verbs { get; set; } = [];

    /// <summary>The message for a usage error raised while reading <paramref name="args"/>.</summary>
    public static string For(Exception ex, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(ex);
        ArgumentNullException.ThrowIfNull(args);
        var message = ex.Message.ReplaceLineEndings(" ").Trim();
        if (ConvertFailure().Match(message) is { Success: true } convert)
        {
            return BadValue(convert.Groups["value"].Value, convert.Groups["type"].Value, args);
        }

        if (UnknownCommand().Match(message) is { Success: true } command)
        {
            var verb = command.Groups["name"].Value;
            var closest = Closest(verb, Verbs, 1);
            return $"unknown command '{verb}'" + (closest.Count > 0 ? $"; did you mean '{closest[0]}'?" : "") + " (kb --help lists the commands)";
        }

        if (UnknownOption().Match(message) is { Success: true } option)
        {
            var name = option.Groups["name"].Value;
            var verb = args.FirstOrDefault(a => !a.StartsWith('-'));
            var known = verb is null ? [] : OptionsOf(verb);
            var closest = Closest(name, known, 1);
            return $"unknown option '{(name.Length == 1 ? "-" : "--")}{name}'" + (closest.Count > 0 ? $"; did you mean '--{closest[0]}'?" : "")
                + (verb is null ? "" : $" (kb {verb} --help lists its options)");
        }

        return message.Length > 0 && char.IsUpper(message[0]) && !message.StartsWith("--", StringComparison.Ordinal) ? char.ToLowerInvariant(message[0]) + message[1..] : message;
    }

    /// <summary>Up to <paramref name="count"/> of <paramref name="known"/> closest to <paramref name="value"/> (case-insensitive edit distance), nearest first; none when nothing is near.</summary>
    public static IReadOnlyList<string> Closest(string value, IEnumerable<string> known, int count)
    {
        ArgumentNullException.ThrowIfNull(value);
        var v = value.ToLowerInvariant();
        return known
            .Select(k => (k, d: Math.Min(Distance(v, k.ToLowerInvariant()), k.StartsWith(value, StringComparison.OrdinalIgnoreCase) ? 0 : int.MaxValue)))
            .Where(p => p.d <= Math.Max(2, v.Length / 2))
            .OrderBy(p => p.d)
            .ThenBy(p => p.k, StringComparer.Ordinal)
            .Take(count)
            .Select(p => p.k)
            .ToList();
    }

    /// <summary>Levenshtein distance with adjacent transpositions counted as one edit.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static string BadValue(string value, string type, IReadOnlyList<string> args)
    {
        var option = OptionGiven(value, args);
        var attribute = option is null ? null : Attribute(option);
        var expected = attribute?.ValueName switch
        {
            "YEAR" => "a year such as 1999",
            "N" when type.StartsWith("Int", StringComparison.Ordinal) => "a whole number",
            _ when type.StartsWith("Int", StringComparison.Ordinal) || type.StartsWith("Nullable", StringComparison.Ordinal) => "a whole number",
            _ when type.StartsWith("Double", StringComparison.Ordinal) => "a number",
            _ when type.StartsWith("Bool", StringComparison.Ordinal) => "true or false",
            _ => "another kind of value",
        };
        return option is null ? $"expected {expected}, got '{value}'" : $"{option} expects {expected}, got '{value}'";
    }

    /// <summary>The option on the command line whose value is <paramref name="value"/>: <c>--since abc</c> or <c>--since=abc</c>.</summary>
    private static string? OptionGiven(string value, IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a.StartsWith('-') && a.EndsWith("=" + value, StringComparison.Ordinal))
            {
                return a[..a.IndexOf('=', StringComparison.Ordinal)];
            }

            if (i > 0 && a == value && args[i - 1].StartsWith('-'))
            {
                return args[i - 1];
            }
        }

        return null;
    }

    private static CommandOptionAttribute? Attribute(string option)
    {
        var name = option.TrimStart('-');
        return SettingsOptions().FirstOrDefault(o => o.LongNames.Contains(name) || o.ShortNames.Contains(name));
    }

    private static IEnumerable<string> OptionsOf(string verb)
    {
        var command = typeof(UsageMessages).Assembly.GetTypes()
            .FirstOrDefault(t => t.Name.Equals(verb + "Command", StringComparison.OrdinalIgnoreCase));
        var settings = command?.GetNestedType("Settings", BindingFlags.Public);
        return settings is null ? [] : OptionsOfType(settings).SelectMany(o => o.LongNames);
    }

    private static IEnumerable<CommandOptionAttribute> SettingsOptions() =>
        typeof(UsageMessages).Assembly.GetTypes().Where(t => typeof(CommandSettings).IsAssignableFrom(t)).SelectMany(OptionsOfType);

    private static IEnumerable<CommandOptionAttribute> OptionsOfType(Type settings) =>
        settings.GetProperties().Select(p => p.GetCustomAttribute<CommandOptionAttribute>()).OfType<CommandOptionAttribute>();

    [GeneratedRegex(@"^Failed to convert '(?<value>.*)' to (?<type>[^ .]+)\.?")]
    private static partial Regex ConvertFailure();

    [GeneratedRegex(@"^Unknown command '(?<name>[^']*)'")]
    private static partial Regex UnknownCommand();

    [GeneratedRegex(@"^Unknown option '(?<name>[^']*)'")]
    private static partial Regex UnknownOption();
}
