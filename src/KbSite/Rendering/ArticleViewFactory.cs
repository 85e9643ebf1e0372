using System.Text.Json;
using Kb.Parser.Model;
using Kb.Site.Catalog;
using Kb.Site.Views;

namespace Kb.Site.Rendering;

/// <summary>Turns a record and the catalog into the view <c>article.liquid</c> renders.</summary>
internal sealed class ArticleViewFactory
{
    private readonly SiteCatalog _catalog;
    private readonly BodyRenderer _body;
    private readonly Dictionary<string, ProductLink> _products;

    public ArticleViewFactory(SiteCatalog catalog, string baseUrl, Dictionary<string, ProductLink> products)
    {
        _catalog = catalog;
        _products = products;
        _body = new BodyRenderer(catalog, baseUrl);
    }

    public ArticleView Create(ArticleRecord record, ArticleEntry entry)
    {
        var factors = record.Factors.ToDictionary(f => f.Id, StringComparer.Ordinal);
        return new ArticleView
        {
            Id = record.Id,
            Title = entry.Title,
            Url = entry.Url,
            Kind = record.Kind,
            // The catalog read the article's head; a product it did not see has no listing to link to.
            Products = entry.Products.Where(_products.ContainsKey).Select(p => _products[p]).ToList(),
            Versions = record.Versions.Select(v => v.Platform is null ? v.Version : v.Platform + " " + v.Version).ToList(),
            OperatingSystems = record.OperatingSystems,
            AppliesTo = record.AppliesTo.Select(a => a.Text).ToList(),
            LastModified = record.LastModified ?? "",
            BodyHtml = _body.Render(record),
            References = record.References.Select(Link).ToList(),
            Guides = entry.Guides,
            JsonLd = ArticleJsonLd.Build(record, entry),
            ReferencedBy = _catalog.ReferencedBy(record.Id).Select(a => new ArticleLink { Id = a.Id, Title = a.Title, Url = a.Url }).ToList(),
            Options = record.Options.Select(o => new OptionView
            {
                Id = o.Id,
                Kind = o.Kind,
                Title = o.Title,
                Text = o.Text,
                Logic = o.Logic,
                Conditions = o.Conditions.Select(c => new ConditionView
                {
                    Factor = c.Factor,
                    Text = c.Text,
                    Answer = c.Expect ? "yes" : "no",
                    Question = factors.TryGetValue(c.Factor, out var f) ? f.Question : "",
                }).ToList(),
            }).ToList(),
            Factors = record.Factors.Select(View).ToList(),
            Triage = ArticleKinds.IsProblem(record) ? record.Factors.Where(Kb.Parser.Decision.DecisionModel.IsTriage).Select(View).ToList() : [],
            // The questions the options' conditions ask; a triage question an option also needs is asked once, above.
            Choice = record.Options.Count < 2 ? [] : record.Factors
                .Where(f => record.Options.Any(o => o.Conditions.Any(c => c.Factor == f.Id))
                    && !(ArticleKinds.IsProblem(record) && Kb.Parser.Decision.DecisionModel.IsTriage(f)))
                .Select(View).ToList(),
            DecisionJson = record.Options.Count == 0 && !ArticleKinds.IsProblem(record) ? "" : DecisionJson(record),
        };
    }

    private static FactorView View(Factor f) => new() { Id = f.Id, Question = f.Question, Statement = f.Statement };

    private ArticleLink Link(Reference r)
    {
        if (_catalog.TryGet(r.Id, out var target))
        {
            return new ArticleLink { Id = r.Id, Title = target.Title, Url = target.Url };
        }

        return new ArticleLink { Id = r.Id, Title = r.Title ?? "" };
    }

    /// <summary>
    /// The decision model as the client evaluator expects it (<c>{options, factors}</c>, record field names).
    /// KbJson escapes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>, so the text cannot close the script element.
    /// </summary>
    internal static string DecisionJson(ArticleRecord record) => KbJson.SerializeDecisionModel(record);
}
