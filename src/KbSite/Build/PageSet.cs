using Kb.Site.Output;

namespace Kb.Site.Build;

/// <summary>
/// Every page of the build with its fingerprint: a page whose fingerprint matches the previous
/// build is linked from the previous output, others are written. Thread-safe.
/// </summary>
internal sealed class PageSet
{
    private readonly SiteWriter _writer;
    private readonly BuildState _previous;
    private readonly BuildState _state;
    private readonly string _settings;
    private readonly List<string> _errors = [];
    private int _count;
    private int _rendered;
    private int _reused;

    public PageSet(SiteWriter writer, BuildState previous, BuildState state, string settings)
    {
        _writer = writer;
        _previous = previous;
        _state = state;
        _settings = settings;
    }

    public int Count => Volatile.Read(ref _count);
    public int Rendered => Volatile.Read(ref _rendered);
    public int Reused => Volatile.Read(ref _reused);

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToList();
            }
        }
    }

    /// <summary>The fingerprint of a page from its inputs (the build settings are always included).</summary>
    public string Fingerprint(IEnumerable<string?> parts) => BuildState.Fingerprint(parts.Prepend(_settings));

    /// <summary>Links the page from the previous build when its fingerprint is unchanged.</summary>
    public bool TryReuse(string file, string fingerprint)
    {
        lock (_state)
        {
            _state.Pages[file] = fingerprint;
        }

        if (_previous.Pages.TryGetValue(file, out var old) && old == fingerprint && _writer.TryReuse(file))
        {
            Interlocked.Increment(ref _count);
            Interlocked.Increment(ref _reused);
            return true;
        }

        return false;
    }

    /// <summary>Writes a rendered page.</summary>
    public void Write(string file, string fingerprint, string html)
    {
        lock (_state)
        {
            _state.Pages[file] = fingerprint;
        }

        _writer.WriteText(file, html);
        Interlocked.Increment(ref _count);
        Interlocked.Increment(ref _rendered);
    }

    /// <summary>Renders the page unless the previous build's copy can be reused.</summary>
    public void Page(string file, IEnumerable<string?> inputs, Func<string> render)
    {
        var fp = Fingerprint(inputs);
        if (!TryReuse(file, fp))
        {
            Write(file, fp, render());
        }
    }

    public void Fail(string subject, Exception ex)
    {
        lock (_errors)
        {
            _errors.Add($"{subject}: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
