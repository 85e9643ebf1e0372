using Kb.Parser.Body;
using Kb.Parser.Model;

namespace Kb.Parser;

/// <summary>Collects an article's cross-references: reference lists first (they carry titles), then inline mentions.</summary>
internal static class References
{
    public static IReadOnlyList<Reference> Collect(string selfId, IReadOnlyList<Section> sections)
    {
        var byId = new Dictionary<string, Reference>(StringComparer.Ordinal);
        var order = new List<string>();

        void Add(string id, string? title)
        {
            if (id == selfId)
            {
                return;
            }

            if (byId.TryGetValue(id, out var existing))
            {
                if (existing.Title is null && title is not null)
                {
                    byId[id] = existing with { Title = title };
                }

                return;
            }

            byId[id] = new Reference(id, title);
            order.Add(id);
        }

        foreach (var block in BlockWalker.All(sections))
        {
            switch (block)
            {
                case ReferencesBlock refs:
                    foreach (var r in refs.Items)
                    {
                        Add(r.Id, r.Title);
                    }

                    break;
                case ParagraphBlock p:
                    AddInline(p.Text);
                    break;
                case NoteBlock n:
                    AddInline(n.Text);
                    break;
                case ListBlock l:
                    foreach (var item in l.Items)
                    {
                        AddInline(item.Text);
                    }

                    break;
            }
        }

        return order.Select(id => byId[id]).ToList();

        void AddInline(string text)
        {
            if (!text.Contains('Q', StringComparison.Ordinal))
            {
                return;
            }

            foreach (var id in ArticleIds.AllIn(text))
            {
                Add(id, null);
            }
        }
    }
}
