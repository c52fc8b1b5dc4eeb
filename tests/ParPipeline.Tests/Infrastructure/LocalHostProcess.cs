using System.Diagnostics;
using System.Text;

namespace ParPipeline.Tests.Infrastructure;

/// <summary>The local host as a user runs it: its own process, its own console, signals from outside.</summary>
public sealed class LocalHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private LocalHostProcess(Process process)
    {
        _process = process;
    }

    public static LocalHostProcess Start(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment)
    {
        var dll = Path.Combine(RepositoryPaths.Root, "functions", "ParPipeline.Local", "bin", RepositoryPaths.Configuration, "net10.0", "ParPipeline.Local.dll");
        // Started as a terminal starts it, with Ctrl+C's SIGINT at its default disposition. A test run launched in the
        // background (nohup, `&` in a script) inherits SIGINT ignored, the child would too, and .NET keeps an ignored
        // signal ignored ("We respect ignored signals", InstallSignalHandler in dotnet/runtime
        // src/native/libs/System.Native/pal_signal.c): Ctrl+C would then never reach the host. coreutils' env resets it.
        var start = new ProcessStartInfo("/usr/bin/env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add(Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet");
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // The test process may itself run with storage settings: the child gets only what the test says.
        start.Environment.Remove("PipelineStorage");
        start.Environment.Remove("AzureWebJobsStorage");
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }
        var host = new LocalHostProcess(Process.Start(start)!);
        host._process.OutputDataReceived += (_, e) => { lock (host._stdout) { host._stdout.AppendLine(e.Data); } };
        host._process.ErrorDataReceived += (_, e) => { lock (host._stderr) { host._stderr.AppendLine(e.Data); } };
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    public int Id => _process.Id;

    public string StandardOutput { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string StandardError { get { lock (_stderr) { return _stderr.ToString().Trim(); } } }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            // What the host printed is what tells why it did not stop.
            throw new TimeoutException($"The host did not exit within {timeout.TotalSeconds:0} s.\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}");
        }
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        await Eventually.GetAsync(() => Task.FromResult(
            StandardOutput.Contains(text, StringComparison.Ordinal) ? "seen"
            : _process.HasExited ? throw new InvalidOperationException($"The host exited ({_process.ExitCode}) before printing '{text}': {StandardError}") : null),
            timeout, $"'{text}' on the host's console");
    }

    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
