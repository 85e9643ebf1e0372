using System.Globalization;
using System.Text;
using Kb.Parser.Decision;
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
    public int LongQuestionsByWords { get; private set; }
    public int NotYesNoQuestions { get; private set; }
    public int PastedQuestions { get; private set; }

    private readonly List<int> _questionLengths = [];
    private readonly List<int> _questionWords = [];

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
            MultiOptionDiscriminated += AidQuality.Discriminates(r) ? 1 : 0;
        }

        if (ArticleKinds.IsProblem(r))
        {
            ProblemArticles++;
            ProblemWithChecklist += AidQuality.HasCrispTriage(r) ? 1 : 0;
        }

        foreach (var f in r.Factors)
        {
            _questionLengths.Add(f.Question.Length);
            _questionWords.Add(AidQuality.WordCount(f.Question));
            CutQuestions += AidQuality.IsCut(f.Question) ? 1 : 0;
            LongQuestionsByWords += AidQuality.WordCount(f.Question) > AidQuality.MaxQuestionWords ? 1 : 0;
            NotYesNoQuestions += AidQuality.IsYesNo(f.Question) ? 0 : 1;
            PastedQuestions += AidQuality.IsPasted(f.Question) ? 1 : 0;
        }
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
        sb.AppendLine(c, $"articles with two or more options: {MultiOption} ({MultiOptionDiscriminated} with a factor that discriminates between them, {Percent(MultiOptionDiscriminated, MultiOption)})");
        sb.AppendLine(c, $"problem articles: {ProblemArticles} ({ProblemWithChecklist} with a triage checklist of at least one crisp factor, {Percent(ProblemWithChecklist, ProblemArticles)})");
        if (_questionLengths.Count > 0)
        {
            _questionLengths.Sort();
            int P(double q) => _questionLengths[(int)Math.Min(_questionLengths.Count - 1, Math.Floor(q * _questionLengths.Count))];
            var over = _questionLengths.Count(n => n > 160);
            sb.AppendLine(c, $"questions: {_questionLengths.Count}, length p50 {P(0.5)}, p90 {P(0.9)}, p98 {P(0.98)}, max {_questionLengths[^1]}; over 160 characters: {over} ({Percent(over, _questionLengths.Count)}); cut short: {CutQuestions}");
            _questionWords.Sort();
            int W(double q) => _questionWords[(int)Math.Min(_questionWords.Count - 1, Math.Floor(q * _questionWords.Count))];
            sb.AppendLine(c, $"question words: p50 {W(0.5)}, p90 {W(0.9)}, p98 {W(0.98)}, max {_questionWords[^1]}; over {AidQuality.MaxQuestionWords} words: {LongQuestionsByWords} ({Percent(LongQuestionsByWords, _questionWords.Count)}); not a yes/no question: {NotYesNoQuestions}; pasted (\"Does this apply: ...\"): {PastedQuestions}");
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
