using System.Text.Json;
using Microsoft.Extensions.Configuration;
using ParPipeline.Local.Http;

namespace ParPipeline.Local;

/// <summary>
/// <c>redrive [--port N]</c>: asks the running local host to re-queue poisoned recompute requests
/// (<c>POST /api/manage/redrive</c> with the admin key), as an operator would in Azure with a function key.
/// </summary>
internal static class LocalRedrive
{
    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var options = configuration.GetSection(LocalHostOptions.Section).Get<LocalHostOptions>() ?? new LocalHostOptions();
        var keyFile = Path.Combine(RepositoryRoot.TryFind() ?? Path.GetTempPath(), options.DataDirectory, "admin.key");
        var key = configuration["Local:AdminKey"] is { Length: > 0 } configured ? configured
            : File.Exists(keyFile) ? (await File.ReadAllTextAsync(keyFile, ct)).Trim() : null;
        if (string.IsNullOrEmpty(key))
        {
            await error.WriteLineAsync($"error: no admin key: set Local__AdminKey, or start the host once (serve or demo) to create {keyFile}.");
            return 2;
        }
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{options.HttpPort}/"), Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/manage/redrive") { Headers = { { AdminKey.Header, key } } };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            await error.WriteLineAsync($"error: no local host answers on 127.0.0.1:{options.HttpPort} ({e.Message}); start it with 'serve' (same --port) and run redrive again.");
            return 2;
        }
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        if (!response.IsSuccessStatusCode)
        {
            await error.WriteLineAsync($"error: {(int)response.StatusCode} {body.RootElement.GetProperty("detail").GetString()}");
            return 1;
        }
        var messages = body.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetString()).ToList();
        await output.WriteLineAsync($"re-queued {messages.Count} recompute request{(messages.Count == 1 ? "" : "s")} on rankings-recompute");
        foreach (var message in messages)
        {
            await output.WriteLineAsync($"  {message}");
        }
        var skipped = body.RootElement.GetProperty("skipped").EnumerateArray().ToList();
        if (skipped.Count > 0)
        {
            await output.WriteLineAsync($"left {skipped.Count} that cannot succeed, still recorded:");
            foreach (var skip in skipped)
            {
                await output.WriteLineAsync($"  {skip.GetProperty("messageId").GetString()}: {skip.GetProperty("reason").GetString()}");
            }
        }
        return 0;
    }
}
