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
    public int MultiOption { get; private set; }
    public int MultiOptionDiscriminated { get; private set; }
    public int ProblemArticles { get; private set; }
    public int ProblemWithChecklist { get; private set; }
    public int CutQuestions { get; private set; }

    private readonly List<int> _questionLengths = [];

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
        if (r.Options.Count >= 2)
        {
            MultiOption++;
            MultiOptionDiscriminated += Discriminates(r) ? 1 : 0;
        }

        if (ArticleKinds.IsProblem(r))
        {
            ProblemArticles++;
            ProblemWithChecklist += r.Factors.Any(f => f.Role is "applicability" or "symptom" or "cause" && f.Question.Length <= 160) ? 1 : 0;
        }

        foreach (var f in r.Factors)
        {
            _questionLengths.Add(f.Question.Length);
            CutQuestions += IsCut(f.Question) ? 1 : 0;
        }
    }

    /// <summary>True when some factor separates two options: one needs an answer the other does not, or the opposite one.</summary>
    internal static bool Discriminates(ArticleRecord r)
    {
        foreach (var f in r.Factors)
        {
            var wants = r.Options.Select(o => o.Conditions.FirstOrDefault(c => c.Factor == f.Id) is { } c ? (c.Expect ? 1 : -1) : 0).ToList();
            if (wants.Distinct().Count() > 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A question cut short: no question mark at the end, or an ellipsis just before it (a truncated sentence).</summary>
    internal static bool IsCut(string question) =>
        !question.EndsWith('?') || question.EndsWith("...?", StringComparison.Ordinal) || question.EndsWith("\u2026?", StringComparison.Ordinal);

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
        sb.AppendLine(c, $"articles with two or more options: {MultiOption} ({MultiOptionDiscriminated} with a factor that discriminates between them, {Percent(MultiOptionDiscriminated, MultiOption)})");
        sb.AppendLine(c, $"problem articles: {ProblemArticles} ({ProblemWithChecklist} with a triage checklist, {Percent(ProblemWithChecklist, ProblemArticles)})");
        if (_questionLengths.Count > 0)
        {
            _questionLengths.Sort();
            int P(double q) => _questionLengths[(int)Math.Min(_questionLengths.Count - 1, Math.Floor(q * _questionLengths.Count))];
            var over = _questionLengths.Count(n => n > 160);
            sb.AppendLine(c, $"questions: {_questionLengths.Count}, length p50 {P(0.5)}, p90 {P(0.9)}, p98 {P(0.98)}, max {_questionLengths[^1]}; over 160 characters: {over} ({Percent(over, _questionLengths.Count)}); cut short: {CutQuestions}");
        }

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

    private static string Percent(int part, int whole) =>
        whole == 0 ? "-" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + " %";
}
