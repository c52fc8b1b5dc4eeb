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

    // Planted secrets are put together at run time, so that this file passes its own scan.
    public static TheoryData<string, string> Planted() => new()
    {
        { "AccountName=prod;AccountKey=" + new string('K', 20) + ";", "an account key (AccountKey=KKKKKKKKKKKKK...)" },
        { "https://x.blob.core.windows.net/c?sv=2024&" + "sig=" + new string('A', 16), "a SAS token (&sig=" + new string('A', 16) + "...)" },
        { "Endpoint=sb://x/;" + "SharedAccessSignature=" + new string('s', 16), "a SAS token (SharedAccessSignature=ss...)" },
        { "-----BEGIN RSA " + "PRIVATE KEY-----", "a private key (-----BEGIN RSA PRIVATE K...)" },
        { "-----BEGIN " + "PRIVATE KEY-----", "a private key (-----BEGIN PRIVATE KEY--...)" },
        { "Instrumentation" + "Key=0123abcd-ef01-4567", "an Application Insights key (InstrumentationKey=0123a...)" },
        { "\"x-functions-key\": \"" + new string('a', 24) + "\"", "a named secret (x-functions-key\": \"aaaaa...)" },
        { "client_secret = \"" + new string('b', 30) + "\"", "a named secret (client_secret = \"bbbbbbb...)" },
        { "\"Password\":\"" + new string('c', 24) + "\"", "a named secret (Password\":\"ccccccccccccc...)" },
        { "key AKIA" + new string('Q', 16) + " here", "an AWS key (AKIA" + new string('Q', 16) + "...)" },
    };

    [Theory]
    [MemberData(nameof(Planted))]
    public void Each_rule_of_the_scanner_finds_its_kind_of_secret(string text, string finding) =>
        Assert.Equal([finding], Findings(text));

    // Just short of each rule: what it must let pass, so a rule cannot widen unnoticed.
    public static TheoryData<string> NearMisses() =>
    [
        "AccountName=prod;AccountKey=" + new string('K', 19) + ";",
        "https://x/c?sv=2024&" + "sig=" + new string('A', 15),
        "-----BEGIN RSA " + "PUBLIC KEY-----",
        "Instrumentation" + "Key=0123abcd-ef01",
        "\"x-functions-key\": \"" + new string('a', 23) + "\"",
        "\"password\": \"<your password here>\"",
        "AKIA" + new string('Q', 15),
        $"AccountName=devstoreaccount1;AccountKey={AzuriteKey};",
    ];

    [Theory]
    [MemberData(nameof(NearMisses))]
    public void What_falls_short_of_a_rule_and_the_Azurite_key_pass(string text) =>
        Assert.Empty(Findings(text));

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
