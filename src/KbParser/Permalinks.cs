namespace Kb.Parser;

/// <summary>The archive's permalink scheme, for articles that come without one.</summary>
public static class Permalinks
{
    /// <summary><c>/kb/199/Q199250/</c> for <c>Q199250</c>, <c>/kb/079/Q79254/</c> for <c>Q79254</c>: the number's first three digits, zero-padded to six.</summary>
    public static string Default(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var digits = id.TrimStart('Q', 'q');
        var folder = digits.Length >= 3 ? digits.PadLeft(6, '0')[..3] : digits;
        return "/kb/" + folder + "/" + id + "/";
    }
}
