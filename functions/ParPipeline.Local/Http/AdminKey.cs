using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace ParPipeline.Local.Http;

/// <summary>
/// The key admin routes require in the local host (header <c>x-functions-key</c>), as function keys do in Azure:
/// setting <c>Local__AdminKey</c>, else generated once into <c>.local/admin.key</c> and printed at start.
/// </summary>
public sealed class AdminKey(string value, bool generated)
{
    public const string Header = "x-functions-key";

    public string Value { get; } = value;

    public bool Generated { get; } = generated;

    public static AdminKey From(IConfiguration configuration, string dataDirectory)
    {
        if (configuration["Local:AdminKey"] is { Length: > 0 } configured)
        {
            return new AdminKey(configured, false);
        }
        var file = Path.Combine(dataDirectory, "admin.key");
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } stored)
        {
            return new AdminKey(stored, false);
        }
        Directory.CreateDirectory(dataDirectory);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        File.WriteAllText(file, key);
        return new AdminKey(key, true);
    }

    /// <summary>Constant-time comparison, so the key cannot be guessed from response times.</summary>
    public bool Accepts(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(presented), System.Text.Encoding.UTF8.GetBytes(Value));
}
