using System.Globalization;
using Spectre.Console;

namespace Kb.Cli.Commands;

/// <summary>
/// Progress of a long verb on stderr, drawn by Spectre.Console's progress display when stderr is a
/// terminal (and the verb was not given <c>--quiet</c>); the display is cleared when the work is done, so
/// nothing of it is left above the summary. Messages written through <see cref="Error"/> while it runs
/// appear above the display instead of tearing it.
/// </summary>
internal sealed class ProgressLine : IDisposable
{
    private readonly string _label;
    private readonly object _gate = new();
    private readonly IAnsiConsole? _console;
    private readonly Task? _display;
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ProgressContext? _context;
    private ProgressTask? _task;
    private string? _phase;
    private long _count;
    private long _lastDraw;

    public ProgressLine(string label, bool enabled = true)
    {
        _label = label;
        if (!enabled || Console.IsErrorRedirected)
        {
            return;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (!console.Profile.Capabilities.Ansi || !console.Profile.Capabilities.Interactive)
        {
            // Without cursor movement (TERM=dumb) the display could not be erased: draw none.
            return;
        }

        _console = console;
        using var ready = new ManualResetEventSlim();
        _display = console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                _context = ctx;
                ready.Set();
                await _finished.Task.ConfigureAwait(false);
            });
        ready.Wait();
    }

    public long Count => Interlocked.Read(ref _count);

    /// <summary>One more article read: "index: 12,000 articles".</summary>
    public void Tick()
    {
        var count = Interlocked.Increment(ref _count);
        if (_context is null || Environment.TickCount64 - Interlocked.Read(ref _lastDraw) < 100)
        {
            return;
        }

        lock (_gate)
        {
            _lastDraw = Environment.TickCount64;
            _task ??= _context.AddTask(_label, maxValue: 1).IsIndeterminate();
            _task.Description = string.Create(CultureInfo.InvariantCulture, $"{_label}: {count:N0} articles");
        }
    }

    /// <summary>Shows a build phase with its bar: "build: render 12,000/60,335".</summary>
    public void Show(Kb.Site.SiteProgress p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (_context is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_phase != p.Phase || _task is null)
            {
                _task?.StopTask();
                _phase = p.Phase;
                _task = _context.AddTask(_label + ": " + p.Phase, maxValue: Math.Max(1, p.Total));
                _task.IsIndeterminate = p.Total <= 0;
            }

            if (p.Total > 0)
            {
                _task.MaxValue = p.Total;
                _task.Value = p.Done;
            }

            _task.Description = string.Create(CultureInfo.InvariantCulture, $"{_label}: {p.Phase} {p.Done:N0}{(p.Total > 0 ? $"/{p.Total:N0}" : "")}");
        }
    }

    /// <summary>Writes one line to stderr above the progress display (or plainly when there is none).</summary>
    public void Error(string line)
    {
        if (_console is null)
        {
            Console.Error.WriteLine(line);
            return;
        }

        lock (_gate)
        {
            _console.Write(new Text(line + Environment.NewLine));
        }
    }

    /// <summary>Stops and clears the display; call before printing the summary.</summary>
    public void Done()
    {
        if (_display is null)
        {
            return;
        }

        _finished.TrySetResult();
        _display.GetAwaiter().GetResult();
    }

    public void Dispose() => Done();
}
