using System.Globalization;
using System.Text;
using Kb.Parser.Model;

namespace Kb.Cli.Commands;

/// <summary>Counts for <c>kb parse --stats</c>.</summary>
internal sealed class ParseStats
{
    private readonly SortedDictionary<string, int> _diagnostics = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _kinds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _products = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _optionForms = new(StringComparer.Ordinal);

    public int Articles { get; private set; }
    public int Errors { get; set; }
    public int WithDiagnostics { get; private set; }
    public int WithOptions { get; private set; }
    public int Options { get; private set; }
    public int OptionsWithConditions { get; private set; }

    public void Add(ArticleRecord r)
    {
        Articles++;
        if (r.Diagnostics.Count > 0)
        {
            WithDiagnostics++;
        }

        foreach (var d in r.Diagnostics)
        {
            _diagnostics[d.Code] = _diagnostics.GetValueOrDefault(d.Code) + 1;
        }

        _kinds[r.Kind] = _kinds.GetValueOrDefault(r.Kind) + 1;
        foreach (var p in r.Products)
        {
            _products[p] = _products.GetValueOrDefault(p) + 1;
        }

        if (r.Options.Count > 0)
        {
            WithOptions++;
            foreach (var form in r.Options.Select(o => o.Form).Distinct(StringComparer.Ordinal))
            {
                _optionForms[form] = _optionForms.GetValueOrDefault(form) + 1;
            }
        }

        Options += r.Options.Count;
        OptionsWithConditions += r.Options.Count(o => o.Conditions.Count > 0);
    }

    public string Render()
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.AppendLine(c, $"articles: {Articles}");
        sb.AppendLine(c, $"errors: {Errors}");
        sb.AppendLine(c, $"articles with diagnostics: {WithDiagnostics}");
        sb.AppendLine("diagnostics by code:");
        foreach (var (code, n) in _diagnostics)
        {
            sb.AppendLine(c, $"  {code}: {n}");
        }

        sb.AppendLine("articles per kind:");
        foreach (var (kind, n) in _kinds)
        {
            sb.AppendLine(c, $"  {kind}: {n}");
        }

        sb.AppendLine(c, $"articles with options: {WithOptions}");
        sb.AppendLine(c, $"options: {Options} ({OptionsWithConditions} with at least one condition)");
        sb.AppendLine("articles with options, by form:");
        foreach (var (form, n) in _optionForms)
        {
            sb.AppendLine(c, $"  {form}: {n}");
        }

        sb.AppendLine("articles per product (top 25):");
        foreach (var (product, n) in _products.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(25))
        {
            sb.AppendLine(c, $"  {n,7}  {product}");
        }

        return sb.ToString();
    }
}
