#:project ../src/KbParser/KbParser.csproj
// Writes a synthetic archive of COUNT articles into OUT (a new folder): the real archive's Markdown
// articles once as they are, then copies under new numbers (Q + copy * 1,000,000 + number) in the
// original forms, in turn: FTP text (.TXT), KB CD text (.htm) and 1993 text (five articles a file).
// Usage: dotnet run bench/SyntheticArchive.cs -- CORPUS_KB_FOLDER OUT [COUNT]
using System.Globalization;
using Kb.Parser.Forms;

var corpus = args[0];
var output = args[1];
var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 250_000;
if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
{
    Console.Error.WriteLine($"{output} is not empty; give a new folder");
    return 2;
}

var files = Directory.EnumerateFiles(corpus, "README.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
var written = 0;
var byForm = new Dictionary<string, int>();
void Write(string path, string text, string form, int articles)
{
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, text);
    written += articles;
    byForm[form] = byForm.GetValueOrDefault(form) + articles;
}

// Copy 0: the Markdown archive itself.
foreach (var f in files)
{
    if (written >= count)
    {
        break;
    }

    Write(Path.Combine(output, "md", Path.GetRelativePath(corpus, f)), File.ReadAllText(f), "markdown", 1);
}

var pending = new List<(string Markdown, string? Id)>();
for (var copy = 1; written < count; copy++)
{
    for (var i = 0; i < files.Count && written + pending.Count < count; i++)
    {
        var number = int.Parse(Path.GetFileName(Path.GetDirectoryName(files[i])!).AsSpan(1), CultureInfo.InvariantCulture);
        var id = "Q" + (copy * 1_000_000 + number).ToString(CultureInfo.InvariantCulture);
        var md = File.ReadAllText(files[i]);
        var folder = Path.Combine(output, "copy" + copy.ToString(CultureInfo.InvariantCulture), id[..4]);
        switch ((i + copy) % 3)
        {
            case 0:
                Write(Path.Combine(folder, id + ".TXT"), FormWriter.ToFtpText(md, "bench", id), "ftp-text", 1);
                break;
            case 1:
                Write(Path.Combine(folder, "q" + id[1..] + ".htm"), FormWriter.ToKbCd(md, id), "kb-cd", 1);
                break;
            default:
                pending.Add((md, id));
                if (pending.Count == 5)
                {
                    Write(Path.Combine(folder, "KB" + id[1..] + ".TXT"), FormWriter.To1993(pending), "text-1993", pending.Count);
                    pending.Clear();
                }

                break;
        }
    }

    if (pending.Count > 0)
    {
        Write(Path.Combine(output, "copy" + copy.ToString(CultureInfo.InvariantCulture), "KBlast.TXT"), FormWriter.To1993(pending), "text-1993", pending.Count);
        pending.Clear();
    }
}

Console.WriteLine($"{written} articles: " + string.Join(", ", byForm.Select(p => $"{p.Key} {p.Value}")));
return 0;
