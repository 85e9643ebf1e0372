using System.Text;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;
using Kb.Site.Views;

namespace Kb.Site.Theme;

/// <summary>
/// The theme's Liquid templates, parsed once per build with one <see cref="FluidParser"/> and one
/// <see cref="TemplateOptions"/>. Pages render their own template, then <c>layout.liquid</c> around it.
/// Thread-safe: each render gets its own <see cref="TemplateContext"/>.
/// </summary>
public sealed class KbTemplates
{
    /// <summary>Templates every theme must have (the default theme provides them all).</summary>
    public static readonly IReadOnlyList<string> Required =
        ["layout.liquid", "home.liquid", "article.liquid", "listing.liquid", "search.liquid", "404.liquid", "sitemap.xml.liquid", "opensearch.xml.liquid"];

    private readonly Dictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);
    private readonly TemplateOptions _options;
    private readonly string _baseUrl;

    private KbTemplates(TemplateOptions options, string baseUrl)
    {
        _options = options;
        _baseUrl = baseUrl;
    }

    /// <summary>Parses every <c>.liquid</c> file of the theme; an error names the file and the parser's message.</summary>
    public static KbTemplates Load(ThemeFiles theme, string baseUrl, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(theme);
        var parser = new FluidParser();
        var options = new TemplateOptions
        {
            MemberAccessStrategy = new DefaultMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase },
            StrictVariables = strict,
            StrictFilters = strict,
            CultureInfo = System.Globalization.CultureInfo.InvariantCulture,
        }.WithKbFilters();
        foreach (var t in new[]
        {
            typeof(SiteView), typeof(PageView), typeof(ArticleLink), typeof(ProductLink), typeof(PageLink), typeof(HomeView),
            typeof(ListingView), typeof(SearchView), typeof(SitemapView), typeof(SitemapEntry), typeof(ArticleView),
            typeof(OptionView), typeof(ConditionView), typeof(FactorView),
            typeof(OrderLink), typeof(VersionLink), typeof(GuideLink), typeof(ProductsView),
            typeof(GuideView), typeof(GuideGroupView), typeof(GuideArticleView), typeof(GuideOptionView), typeof(UpgradeIndexView), typeof(GuideFamilyView),
        })
        {
            options.MemberAccessStrategy.Register(t);
        }

        var templates = new KbTemplates(options, baseUrl);
        var errors = new List<string>();
        foreach (var (name, bytes) in theme.Files)
        {
            if (!name.EndsWith(".liquid", StringComparison.Ordinal))
            {
                continue;
            }

            if (parser.TryParse(Encoding.UTF8.GetString(bytes), out var template, out var error))
            {
                templates._templates[name] = template;
            }
            else
            {
                errors.Add($"{name}: {error}");
            }
        }

        errors.AddRange(Required.Where(r => !templates._templates.ContainsKey(r) && !errors.Any(e => e.StartsWith(r + ":", StringComparison.Ordinal)))
            .Select(r => $"{r}: missing from the theme"));
        if (errors.Count > 0)
        {
            throw new ThemeException("theme templates do not parse:\n  " + string.Join("\n  ", errors));
        }

        return templates;
    }

    /// <summary>Renders <paramref name="template"/> with the page's variables, inside the layout when <paramref name="layout"/>.</summary>
    public string Render(string template, SiteView site, PageView page, string modelName, object? model, bool layout = true)
    {
        var context = new TemplateContext(_options);
        context.AmbientValues[KbFilters.BaseUrlKey] = _baseUrl;
        context.SetValue("site", FluidValue.Create(site, _options));
        context.SetValue("page", FluidValue.Create(page, _options));
        if (model is not null)
        {
            context.SetValue(modelName, FluidValue.Create(model, _options));
        }

        var content = RenderOne(template, context);
        if (!layout)
        {
            return content;
        }

        context.SetValue("content", new StringValue(content, encode: false));
        return RenderOne("layout.liquid", context);
    }

    private string RenderOne(string name, TemplateContext context)
    {
        var t = _templates[name];
        using var sw = new StringWriter(new StringBuilder(16 * 1024), System.Globalization.CultureInfo.InvariantCulture);
        t.RenderAsync(sw, HtmlEncoder.Default, context).AsTask().GetAwaiter().GetResult();
        return sw.ToString();
    }
}

/// <summary>The theme cannot be used: a template does not parse or is missing.</summary>
public sealed class ThemeException : Exception
{
    /// <summary>An exception with a message for the user.</summary>
    public ThemeException(string message) : base(message)
    {
    }

    /// <summary>An exception with no message.</summary>
    public ThemeException()
    {
    }

    /// <summary>An exception with a message and the exception that caused it.</summary>
    public ThemeException(string message, Exception inner) : base(message, inner)
    {
    }
}
