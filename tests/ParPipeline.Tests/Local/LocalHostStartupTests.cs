using System.Net;
using System.Net.Sockets;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Local;

/// <summary>What a user sees when the local host cannot start, and when they press Ctrl+C.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalHostStartupTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_taken_port_gives_one_clear_line_and_exit_code_2()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        try
        {
            using var host = LocalHostProcess.Start(["serve", "--port", $"{port}"],
                new Dictionary<string, string?> { ["PipelineStorage"] = azurite.NewAccountConnectionString() });

            Assert.Equal(2, await host.WaitForExitAsync(Limit));
            Assert.Equal($"error: Port {port} on 127.0.0.1 is already in use: stop whatever listens there, or pass --port with another port.", host.StandardError);
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task Serve_answers_on_the_loopback_port_it_was_given()
    {
        var port = LoopbackPort.Free();
        using var host = LocalHostProcess.Start(["serve", "--port", $"{port}"],
            new Dictionary<string, string?> { ["PipelineStorage"] = azurite.NewAccountConnectionString() });
        await host.WaitForOutputAsync("Serving.", Limit);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var health = await http.GetAsync("api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains($"API:     http://127.0.0.1:{port}/api/health", host.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_generated_admin_key_file_is_readable_by_its_owner_only()
    {
        var data = Directory.CreateTempSubdirectory("local-").FullName;
        using var host = LocalHostProcess.Start(["serve", "--port", $"{LoopbackPort.Free()}"], new Dictionary<string, string?>
        {
            ["PipelineStorage"] = azurite.NewAccountConnectionString(),
            ["Local__DataDirectory"] = data,
        });
        await host.WaitForOutputAsync("Serving.", Limit);
        var file = Path.Combine(data, "admin.key");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Contains($"Admin key (header x-functions-key, kept in .local/admin.key): {File.ReadAllText(file)}", host.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, "0644")]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupWrite, "0620")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_key_file_others_can_read_or_write_stops_the_host_with_one_clear_line(UnixFileMode mode, string octal)
    {
        var data = Directory.CreateTempSubdirectory("local-").FullName;
        var file = Path.Combine(data, "admin.key");
        await File.WriteAllTextAsync(file, "k3y");
        File.SetUnixFileMode(file, mode);
        using var host = LocalHostProcess.Start(["serve", "--port", $"{LoopbackPort.Free()}"], new Dictionary<string, string?>
        {
            ["PipelineStorage"] = azurite.NewAccountConnectionString(),
            ["Local__DataDirectory"] = data,
        });

        Assert.Equal(2, await host.WaitForExitAsync(Limit));
        Assert.Equal($"error: {file} can be read or written by other users of this machine (mode {octal}); it holds the admin key: " +
            $"run 'chmod 600 {file}' (or delete it for a new key) and start again.", host.StandardError);
    }

    [Fact]
    public async Task Unreachable_storage_gives_one_clear_line_and_exit_code_2()
    {
        const string nowhere = "http://127.0.0.1:1/devstoreaccount1";
        using var host = LocalHostProcess.Start(["serve", "--port", $"{LoopbackPort.Free()}"], new Dictionary<string, string?>
        {
            ["PipelineStorage"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={ParPipeline.Local.Azurite.AzuriteServer.DevelopmentAccount.Key};" +
                                  $"BlobEndpoint={nowhere};QueueEndpoint={nowhere};TableEndpoint={nowhere};",
            ["Local__StorageTimeout"] = "00:00:05",
        });

        Assert.Equal(2, await host.WaitForExitAsync(Limit));
        var line = Assert.Single(host.StandardError.Split('\n'));
        Assert.StartsWith($"error: Storage at {nowhere} cannot be reached: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_Nodejs_gives_one_clear_line_and_exit_code_2()
    {
        using var host = LocalHostProcess.Start(["serve", "--port", $"{LoopbackPort.Free()}"], new Dictionary<string, string?>
        {
            ["PATH"] = "/nonexistent",
        });

        Assert.Equal(2, await host.WaitForExitAsync(Limit));
        Assert.Equal("error: Node.js was not found on PATH: install Node.js 20 or newer, or set PipelineStorage to an existing storage account.", host.StandardError);
    }

    [Fact]
    public async Task An_unknown_command_gives_usage_advice_and_exit_code_2()
    {
        using var host = LocalHostProcess.Start(["deploy"], new Dictionary<string, string?>());
        Assert.Equal(2, await host.WaitForExitAsync(Limit));
        Assert.Equal("error: Unknown command 'deploy'. Run with 'help' for usage.", host.StandardError);
    }

    [Fact]
    public async Task Ctrl_C_stops_the_host_and_the_Azurite_it_started()
    {
        var data = Directory.CreateTempSubdirectory("parpipeline-local-").FullName;
        try
        {
            using var host = LocalHostProcess.Start(["serve", "--port", $"{LoopbackPort.Free()}"],
                new Dictionary<string, string?> { ["Local__DataDirectory"] = data });
            await host.WaitForOutputAsync("Serving. Press Ctrl+C to stop.", Limit);
            Assert.Single(AzuriteProcessesUsing(data));

            host.Signal("INT");

            Assert.Equal(0, await host.WaitForExitAsync(Limit));
            Assert.Contains("Stopping ...", host.StandardOutput, StringComparison.Ordinal);
            Assert.Empty(host.StandardError);
            Assert.Empty(AzuriteProcessesUsing(data));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Azurite processes whose command line names the folder (Linux /proc).</summary>
    private static List<int> AzuriteProcessesUsing(string folder) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(d => (Pid: int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0, Dir: d))
            .Where(p => p.Pid > 0)
            .Where(p =>
            {
                try
                {
                    var cmdline = File.ReadAllText(Path.Combine(p.Dir, "cmdline")).Replace('\0', ' ');
                    return cmdline.Contains("azurite", StringComparison.Ordinal) && cmdline.Contains(folder, StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false;
                }
                catch (UnauthorizedAccessException)
                {
                    return false;
                }
            })
            .Select(p => p.Pid)];
}
