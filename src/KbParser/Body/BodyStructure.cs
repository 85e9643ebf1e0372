using Kb.Parser.Model;

namespace Kb.Parser.Body;

/// <summary>What the body parser found, before it becomes a record.</summary>
internal sealed class BodyStructure
{
    public List<HeaderField> Header { get; } = [];
    public List<AppliesToEntry> AppliesTo { get; } = [];
    public List<Section> Sections { get; } = [];
    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);
    public List<LineSpan> MetadataLines { get; } = [];
    public List<string> QueryWords { get; } = [];
    public List<LineSpan> QueryWordsLines { get; } = [];
    public List<FrameLine> Frame { get; } = [];
}
