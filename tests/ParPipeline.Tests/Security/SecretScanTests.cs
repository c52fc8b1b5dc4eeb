using System.Diagnostics;
using System.Text.RegularExpressions;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Security;

/// <summary>No secret is committed: every tracked file is scanned for connection strings, keys and tokens.</summary>
public sealed partial class SecretScanTests
{
    // The Azurite emulator's documented development key: public, the same on every machine.
    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [GeneratedRegex(@"AccountKey=(?<value>[A-Za-z0-9+/=]{20,})")]
    private static partial Regex AccountKey();

    [GeneratedRegex(@"(SharedAccessSignature=|[?&]sig=)[A-Za-z0-9%+/=]{16,}")]
    private static partial Regex SasToken();

    [GeneratedRegex(@"-----BEGIN ([A-Z]+ )?PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"InstrumentationKey=[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-")]
    private static partial Regex InstrumentationKey();

    [GeneratedRegex(@"(?i)(x-functions-key|client_?secret|password)""?\s*[:=]\s*""[A-Za-z0-9_\-+/=]{24,}""")]
    private static partial Regex NamedSecret();

    [GeneratedRegex(@"\bAKIA[0-9A-Z]{16}\b")]
    private static partial Regex AwsKey();

    public static IEnumerable<string> Findings(string text)
    {
        foreach (Match match in AccountKey().Matches(text))
        {
            if (match.Groups["value"].Value != AzuriteKey)
            {
                yield return $"an account key ({match.Value[..Math.Min(24, match.Value.Length)]}...)";
            }
        }
        foreach (var (regex, what) in new[] { (SasToken(), "a SAS token"), (PrivateKey(), "a private key"), (InstrumentationKey(), "an Application Insights key"),
            (NamedSecret(), "a named secret"), (AwsKey(), "an AWS key") })
        {
            if (regex.Match(text) is { Success: true } match)
            {
                yield return $"{what} ({match.Value[..Math.Min(24, match.Value.Length)]}...)";
            }
        }
    }

    [Fact]
    public void The_scanner_finds_what_it_looks_for_and_lets_the_Azurite_key_pass()
    {
        Assert.NotEmpty(Findings("DefaultEndpointsProtocol=https;AccountName=prod;AccountKey=" + Convert.ToBase64String(new byte[48]) + ";"));
        // Planted secrets are put together at run time, so that this file passes its own scan.
        Assert.NotEmpty(Findings("https://x.blob.core.windows.net/c?sv=2024&" + "sig=" + new string('A', 20) + "%3D"));
        Assert.NotEmpty(Findings("-----BEGIN RSA " + "PRIVATE KEY-----"));
        Assert.NotEmpty(Findings("\"x-functions-key\": \"" + new string('a', 30) + "\""));
        Assert.Empty(Findings($"AccountName=devstoreaccount1;AccountKey={AzuriteKey};"));
    }

    [Fact]
    public void No_tracked_file_holds_a_secret_and_no_local_data_is_tracked()
    {
        var files = TrackedFiles();
        Assert.NotEmpty(files);
        Assert.DoesNotContain(files, f => f.StartsWith(".local/", StringComparison.Ordinal) || f.EndsWith("admin.key", StringComparison.Ordinal)
            || f.EndsWith(".pfx", StringComparison.Ordinal) || f.EndsWith(".publishsettings", StringComparison.Ordinal));
        var findings = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(RepositoryPaths.Root, file);
            if (!File.Exists(path) || new FileInfo(path).Length > 2_000_000)
            {
                continue;
            }
            var bytes = File.ReadAllBytes(path);
            if (bytes.AsSpan(0, Math.Min(bytes.Length, 8000)).Contains((byte)0))
            {
                continue; // binary
            }
            findings.AddRange(Findings(System.Text.Encoding.UTF8.GetString(bytes)).Select(f => $"{file}: {f}"));
        }
        Assert.Empty(findings);
    }

    private static List<string> TrackedFiles()
    {
        var start = new ProcessStartInfo("git", ["ls-files", "-z"]) { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, UseShellExecute = false };
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        return [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries)];
    }
}
