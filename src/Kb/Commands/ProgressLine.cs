using System.Diagnostics;
using System.Globalization;

namespace Kb.Cli.Commands;

/// <summary>A one-line progress counter on stderr, shown only when stderr is a terminal.</summary>
internal sealed class ProgressLine : IDisposable
{
    private readonly string _label;
    private readonly bool _enabled = !Console.IsErrorRedirected;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _count;
    private long _lastDraw;

    public ProgressLine(string label) => _label = label;

    public long Count => _count;

    public void Tick()
    {
        _count++;
        if (_enabled && _clock.ElapsedMilliseconds - _lastDraw > 200)
        {
            _lastDraw = _clock.ElapsedMilliseconds;
            Console.Error.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r{_label}: {_count} articles, {_clock.Elapsed.TotalSeconds:F1} s"));
        }
    }

    /// <summary>Shows a build phase: "build: render 12,000/60,335, 9.1 s".</summary>
    public void Show(Kb.Site.SiteProgress p)
    {
        if (!_enabled || _clock.ElapsedMilliseconds - _lastDraw < 150)
        {
            return;
        }

        _lastDraw = _clock.ElapsedMilliseconds;
        var total = p.Total > 0 ? string.Create(CultureInfo.InvariantCulture, $"/{p.Total:N0}") : "";
        var bar = p.Total > 0 ? " [" + new string('#', (int)(20L * p.Done / p.Total)).PadRight(20) + "]" : "";
        Console.Error.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r{_label}: {p.Phase,-7}{bar} {p.Done:N0}{total}, {_clock.Elapsed.TotalSeconds:F1} s   "));
    }

    public void Done()
    {
        if (_enabled && _lastDraw > 0)
        {
            Console.Error.Write("\r" + new string(' ', 60) + "\r");
            _lastDraw = 0;
        }
    }

    public void Dispose() => Done();
}
