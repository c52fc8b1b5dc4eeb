using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ParPipeline.TestInputs.Chaos;

/// <summary>
/// The local host as its own process (<c>serve</c>), so it can be killed as a machine would lose it: SIGKILL, no
/// drain. Its peak resident memory is sampled while it runs.
/// </summary>
public sealed class ChaosHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors = new();
    private readonly CancellationTokenSource _sampling = new();
    private readonly Task _sampler;
    private bool _killed;

    private ChaosHost(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) => { lock (_errors) { _errors.AppendLine(e.Data); } };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        _sampler = SampleAsync(_sampling.Token);
    }

    public long PeakResidentBytes { get; private set; }

    /// <summary>Exited without being killed: the failure the chaos run exists to find.</summary>
    public bool Crashed => _process.HasExited && !_killed;

    public string Errors { get { lock (_errors) { return _errors.ToString(); } } }

    /// <summary>The configuration this library was built in, which is the local host's beside it.</summary>
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static async Task<ChaosHost> StartAsync(string root, string storage, int port, string dataDirectory, double faultRate, int faultSeed, CancellationToken ct)
    {
        var dll = Path.Combine(root, "functions", "ParPipeline.Local", "bin", Configuration, "net10.0", "ParPipeline.Local.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        start.Environment["PipelineStorage"] = storage;
        start.Environment["AzureWebJobsStorage"] = storage;
        start.Environment["Local__DataDirectory"] = dataDirectory;
        start.Environment["Local__AdminKey"] = "chaos";
        // 503s, 500s, timeouts and dropped connections in the pipeline's storage calls, on top of the kills.
        start.Environment["Local__StorageFaults__Rate"] = faultRate.ToString(CultureInfo.InvariantCulture);
        start.Environment["Local__StorageFaults__Seed"] = faultSeed.ToString(CultureInfo.InvariantCulture);
        var host = new ChaosHost(Process.Start(start)!);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (host._process.HasExited)
            {
                throw new InvalidOperationException($"The local host exited ({host._process.ExitCode}) while starting: {host.Errors}");
            }
            try
            {
                // The admin status route with this host's own key: another test's host that took the port after it was
                // picked (each has its own key) answers 401, where /api/health would have answered it for this one.
                using var status = new HttpRequestMessage(HttpMethod.Get, "api/manage/status") { Headers = { { "x-functions-key", "chaos" } } };
                if ((await http.SendAsync(status, ct)).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            await Task.Delay(200, ct);
        }
        throw new TimeoutException("The local host did not answer /api/manage/status within 2 minutes.");
    }

    /// <summary>SIGKILL: no drain, no disposal, work in flight cut off.</summary>
    public async Task KillAsync()
    {
        _killed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        await StopSamplingAsync();
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        var status = $"/proc/{_process.Id}/status";
        while (!ct.IsCancellationRequested && !_process.HasExited)
        {
            try
            {
                var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (line is not null)
                {
                    var bytes = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                    PeakResidentBytes = Math.Max(PeakResidentBytes, bytes);
                }
                await Task.Delay(250, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task StopSamplingAsync()
    {
        await _sampling.CancelAsync();
        await _sampler;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        await StopSamplingAsync();
        _sampling.Dispose();
        _process.Dispose();
    }
}
