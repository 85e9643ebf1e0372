namespace Kb.Site.Serve;

/// <summary>
/// Rebuilds a site when its sources or its theme change (<c>kb serve --watch</c>): file system events
/// are gathered for a short quiet time, then one incremental build runs and open pages are told to
/// reload. A failed build is reported and the site stays as it was. Where the system cannot watch a
/// folder (too many folders for inotify, say), the folder is polled every second instead: an
/// unchanged build only compares file stamps.
/// </summary>
public sealed class SiteWatcher : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);
    private readonly SiteOptions _options;
    private readonly LiveReload _live;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly SemaphoreSlim _changed = new(0);
    private readonly bool _poll;

    /// <summary>Watches the sources and theme of <paramref name="options"/>; rebuilds announce themselves through <paramref name="live"/>.</summary>
    public SiteWatcher(SiteOptions options, LiveReload live)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _live = live;
        var output = Path.GetFullPath(options.OutputDir);
        foreach (var path in new[] { options.Source }.Concat(options.ExtraSources).Append(options.ThemeDir))
        {
            if (path is null)
            {
                continue;
            }

            var full = Path.GetFullPath(path);
            var folder = Directory.Exists(full) ? full : Path.GetDirectoryName(full);
            if (folder is null || !Directory.Exists(folder))
            {
                continue;
            }

            try
            {
                var w = new FileSystemWatcher(folder)
                {
                    IncludeSubdirectories = Directory.Exists(full),
                    Filter = Directory.Exists(full) ? "" : Path.GetFileName(full),
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                };
                void OnChange(object? sender, FileSystemEventArgs e)
                {
                    // The build's own output never triggers a build (it is refused inside a source anyway).
                    if (!e.FullPath.StartsWith(output, StringComparison.Ordinal))
                    {
                        _changed.Release();
                    }
                }

                w.Changed += OnChange;
                w.Created += OnChange;
                w.Deleted += OnChange;
                w.Renamed += OnChange;
                w.Error += (_, _) => _changed.Release();
                w.EnableRaisingEvents = true;
                _watchers.Add(w);
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException)
            {
                _poll = true;
            }
        }
    }

    /// <summary>True when some folder is polled instead of watched.</summary>
    public bool Polling => _poll;

    /// <summary>Builds on every change until cancelled; <paramref name="report"/> gets each build's result or error.</summary>
    public async Task RunAsync(Action<SiteBuildResult?, Exception?> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (_poll)
                {
                    await _changed.WaitAsync(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _changed.WaitAsync(cancellationToken).ConfigureAwait(false);
                }

                // Editors write a file in several steps: wait until the events stop for a moment.
                while (await _changed.WaitAsync(Quiet, cancellationToken).ConfigureAwait(false))
                {
                }

                var result = await KbSiteBuilder.BuildAsync(_options, null, cancellationToken).ConfigureAwait(false);
                if (!result.UpToDate)
                {
                    _live.Notify();
                    report(result, null);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is SiteBuildException or IOException or Theme.ThemeException or UnauthorizedAccessException)
            {
                report(null, ex);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var w in _watchers)
        {
            w.Dispose();
        }

        _changed.Dispose();
    }
}
