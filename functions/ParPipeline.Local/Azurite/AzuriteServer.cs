using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ParPipeline.Local.Azurite;

/// <summary>
/// Azurite from the repository's pinned npm package (package.json + package-lock.json), on loopback and free
/// ports. The current Azure.Storage clients send API versions newer than Azurite knows, hence
/// <c>--skipApiVersionCheck</c>. Disposing stops it.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    // The emulator's documented development account and key (public, the same on every machine).
    public static readonly AzuriteAccount DevelopmentAccount = new("devstoreaccount1",
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==");

    private readonly Process _process;
    private readonly StringBuilder _output;

    private AzuriteServer(Process process, StringBuilder output, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _output = output;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public IReadOnlyList<int> Ports => [BlobPort, QueuePort, TablePort];

    public string ConnectionString(AzuriteAccount? account = null)
    {
        var a = account ?? DevelopmentAccount;
        return $"DefaultEndpointsProtocol=http;AccountName={a.Name};AccountKey={a.Key};" +
               $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{a.Name};QueueEndpoint=http://127.0.0.1:{QueuePort}/{a.Name};" +
               $"TableEndpoint=http://127.0.0.1:{TablePort}/{a.Name};";
    }

    public static async Task<AzuriteServer> StartAsync(AzuriteOptions options, CancellationToken ct)
    {
        var node = NodeTools.Find("node")
            ?? throw new LocalStartupException("Node.js was not found on PATH: install Node.js 20 or newer, or set PipelineStorage to an existing storage account.");
        var script = Path.Combine(options.RepositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            await NodeTools.NpmCiAsync(options.RepositoryRoot, ct);
        }

        var ports = options.Ports is { Count: 3 } fixedPorts ? [.. fixedPorts] : FreePorts(3);
        // In its own session (setsid) Azurite does not receive the terminal's Ctrl+C: the host drains its
        // running functions against storage first, then stops Azurite itself.
        var setsid = NodeTools.Find("setsid");
        var start = new ProcessStartInfo(setsid ?? node)
        {
            WorkingDirectory = options.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (setsid is not null)
        {
            start.ArgumentList.Add(node);
        }
        foreach (var arg in new[] { script, "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", $"{ports[0]}", "--queuePort", $"{ports[1]}", "--tablePort", $"{ports[2]}",
                     "--skipApiVersionCheck", "--disableTelemetry", "--silent" })
        {
            start.ArgumentList.Add(arg);
        }
        if (options.DataDirectory is { } data)
        {
            Directory.CreateDirectory(data);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(data);
        }
        else
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        if (options.ExtraAccounts.Count > 0)
        {
            start.Environment["AZURITE_ACCOUNTS"] = string.Join(';',
                options.ExtraAccounts.Prepend(DevelopmentAccount).Select(a => $"{a.Name}:{a.Key}"));
        }

        var output = new StringBuilder();
        var process = Process.Start(start) ?? throw new LocalStartupException("Azurite did not start.");
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AzuriteServer(process, output, ports[0], ports[1], ports[2]);
        try
        {
            await server.WaitUntilListeningAsync(options.StartTimeout, ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (true)
            {
                if (_process.HasExited)
                {
                    throw new LocalStartupException($"Azurite exited with code {_process.ExitCode} at start: {Output().ReplaceLineEndings(" ").Trim()}");
                }
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port, ct);
                    break;
                }
                catch (SocketException) when (deadline.Elapsed < timeout)
                {
                    await Task.Delay(100, ct);
                }
                catch (SocketException e)
                {
                    throw new LocalStartupException($"Azurite did not listen on 127.0.0.1:{port} within {timeout.TotalSeconds:0} s: {e.Message}");
                }
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    /// <summary>Ports the system hands out as free, held together so they differ, then released for Azurite.</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                // SIGTERM first: Azurite then saves its metadata (on disk it autosaves only every few seconds,
                // so a kill loses what was written last); SIGKILL if it does not go.
                using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
                {
                    term?.WaitForExit();
                }
                try
                {
                    await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
                }
                catch (TimeoutException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }
}
