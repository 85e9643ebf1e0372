using System.Globalization;
using Fluid;
using Fluid.Values;

namespace Kb.Site.Theme;

/// <summary>The site's own Liquid filters.</summary>
public static class KbFilters
{
    /// <summary>Ambient value holding the base URL (<c>/</c> or <c>/archive/</c>).</summary>
    public const string BaseUrlKey = "kb.baseUrl";

    /// <summary>Registers <c>relative_url</c>, <c>kb_date</c>, <c>plural</c> and <c>kb_number</c>.</summary>
    public static TemplateOptions WithKbFilters(this TemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Filters.AddFilter("relative_url", RelativeUrl);
        options.Filters.AddFilter("kb_date", KbDate);
        options.Filters.AddFilter("plural", Plural);
        options.Filters.AddFilter("kb_number", Number);
        return options;
    }

    /// <summary><c>{{ "kb/199/Q199250/" | relative_url }}</c> gives the path under the base URL.</summary>
    public static ValueTask<FluidValue> RelativeUrl(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var baseUrl = context.AmbientValues.TryGetValue(BaseUrlKey, out var b) ? (string)b! : "/";
        var path = input.ToStringValue().TrimStart('/');
        return new StringValue(baseUrl + path);
    }

    /// <summary><c>{{ "1999-05-08" | kb_date }}</c> gives <c>8 May 1999</c>; other text is returned as is.</summary>
    public static ValueTask<FluidValue> KbDate(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        var s = input.ToStringValue();
        return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? new StringValue(d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))
            : new StringValue(s);
    }

    /// <summary><c>{{ n | plural: "article", "articles" }}</c> gives <c>1 article</c> or <c>1,234 articles</c>.</summary>
    public static ValueTask<FluidValue> Plural(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(arguments);
        var n = (long)input.ToNumberValue();
        var word = n == 1 ? arguments.At(0).ToStringValue() : arguments.At(1).ToStringValue();
        return new StringValue(n.ToString("N0", CultureInfo.InvariantCulture) + " " + word);
    }

    /// <summary><c>{{ n | kb_number }}</c> gives <c>60,335</c>.</summary>
    public static ValueTask<FluidValue> Number(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new StringValue(((long)input.ToNumberValue()).ToString("N0", CultureInfo.InvariantCulture));
    }
}
