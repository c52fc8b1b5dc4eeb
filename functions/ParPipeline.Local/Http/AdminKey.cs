using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace ParPipeline.Local.Http;

/// <summary>
/// The key admin routes require in the local host (header <c>x-functions-key</c>), as function keys do in Azure:
/// setting <c>Local__AdminKey</c>, else generated once into <c>.local/admin.key</c> and printed at start. The file is a
/// secret: created readable and writable by its owner only (0600), and a key file others can read or write stops
/// the host at start, since anyone who can read it can publish and redrive.
/// </summary>
public sealed class AdminKey(string value, bool generated)
{
    public const string Header = "x-functions-key";

    public string Value { get; } = value;

    public bool Generated { get; } = generated;

    public static AdminKey From(IConfiguration configuration, string dataDirectory)
    {
        // Plain locals, not pattern variables: Stryker's mutants of a pattern do not compile (CS0165), and it would
        // then leave the whole method untested.
        var configured = configuration["Local:AdminKey"] ?? "";
        if (configured.Length > 0)
        {
            return new AdminKey(configured, false);
        }
        var file = Path.Combine(dataDirectory, "admin.key");
        if (File.Exists(file))
        {
            RefuseShared(file);
            var stored = File.ReadAllText(file).Trim();
            if (stored.Length > 0)
            {
                return new AdminKey(stored, false);
            }
        }
        Directory.CreateDirectory(dataDirectory);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var owner = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            owner.UnixCreateMode = OwnerOnly;
        }
        using (var writer = new StreamWriter(file, System.Text.Encoding.ASCII, owner))
        {
            writer.Write(key);
        }
        if (!OperatingSystem.IsWindows())
        {
            // An empty file that already existed keeps its mode on FileMode.Create: set it either way.
            File.SetUnixFileMode(file, OwnerOnly);
        }
        return new AdminKey(key, true);
    }

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode Others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private static void RefuseShared(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var mode = File.GetUnixFileMode(file);
        if ((mode & Others) != 0)
        {
            throw new LocalStartupException(
                $"{file} can be read or written by other users of this machine (mode {Convert.ToString((int)mode, 8).PadLeft(4, '0')}); " +
                $"it holds the admin key: run 'chmod 600 {file}' (or delete it for a new key) and start again.");
        }
    }

    /// <summary>Constant-time comparison, so the key cannot be guessed from response times.</summary>
    public bool Accepts(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(presented), System.Text.Encoding.UTF8.GetBytes(Value));
}
