using Microsoft.Extensions.Configuration;
using ParPipeline.Local;
using ParPipeline.Local.Http;

namespace ParPipeline.Tests.Local;

/// <summary>Where the local host's admin key comes from, how its file is kept, and what it accepts (plain: no host).
/// LocalHostStartupTests holds the same through a running host.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AdminKeyTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("admin-key-").FullName;

    private string KeyFile => Path.Combine(_data, "admin.key");

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private static IConfiguration Settings(string? key = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Local:AdminKey"] = key }).Build();

    [Fact]
    public void A_configured_key_is_used_as_it_is_and_no_file_is_written()
    {
        var key = AdminKey.From(Settings("from-settings"), _data);

        Assert.Equal("from-settings", key.Value);
        Assert.False(key.Generated);
        Assert.False(File.Exists(KeyFile));
    }

    [Fact]
    public void Without_one_a_key_is_generated_once_into_an_owner_only_file_and_read_back_after()
    {
        var first = AdminKey.From(Settings(), _data);

        Assert.True(first.Generated);
        // 32 random bytes, base64url without padding: 43 characters a URL or header takes as they are.
        Assert.Matches("^[A-Za-z0-9_-]{43}$", first.Value);
        Assert.Equal(first.Value, File.ReadAllText(KeyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));

        var again = AdminKey.From(Settings(""), _data);
        Assert.Equal(first.Value, again.Value);
        Assert.False(again.Generated);
    }

    [Fact]
    public void A_data_directory_not_there_yet_is_made_for_the_key_file()
    {
        var folder = Path.Combine(_data, "new", ".local");

        var key = AdminKey.From(Settings(), folder);

        Assert.Equal(key.Value, File.ReadAllText(Path.Combine(folder, "admin.key")));
    }

    [Fact]
    public void A_stored_key_is_read_without_surrounding_whitespace()
    {
        File.WriteAllText(KeyFile, "  stored-key\n");
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Equal("stored-key", AdminKey.From(Settings(), _data).Value);
    }

    [Fact]
    public void An_empty_key_file_gets_a_new_key_and_its_mode_set_to_owner_only()
    {
        File.WriteAllText(KeyFile, " \n");
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var key = AdminKey.From(Settings(), _data);

        Assert.True(key.Generated);
        Assert.Equal(43, key.Value.Length);
        Assert.Equal(key.Value, File.ReadAllText(KeyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead, "0640")]
    [InlineData(UnixFileMode.GroupWrite, "0620")]
    [InlineData(UnixFileMode.GroupExecute, "0610")]
    [InlineData(UnixFileMode.OtherRead, "0604")]
    [InlineData(UnixFileMode.OtherWrite, "0602")]
    [InlineData(UnixFileMode.OtherExecute, "0601")]
    public void A_key_file_anyone_else_may_touch_stops_the_host_with_what_to_do(UnixFileMode shared, string octal)
    {
        File.WriteAllText(KeyFile, "stored-key");
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | shared);

        var refused = Assert.Throws<LocalStartupException>(() => AdminKey.From(Settings(), _data));

        Assert.Equal($"{KeyFile} can be read or written by other users of this machine (mode {octal}); it holds the admin key: " +
            $"run 'chmod 600 {KeyFile}' (or delete it for a new key) and start again.", refused.Message);
        Assert.Equal("stored-key", File.ReadAllText(KeyFile));
    }

    [Fact]
    public void The_owner_may_also_execute_the_file_without_it_being_refused()
    {
        File.WriteAllText(KeyFile, "stored-key");
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Assert.Equal("stored-key", AdminKey.From(Settings(), _data).Value);
    }

    [Fact]
    public void Only_the_exact_key_is_accepted()
    {
        var key = new AdminKey("s3cret-key", generated: false);

        Assert.True(key.Accepts("s3cret-key"));
        Assert.False(key.Accepts(null));
        Assert.False(key.Accepts(""));
        Assert.False(key.Accepts("s3cret-ke"));
        Assert.False(key.Accepts("s3cret-key "));
        Assert.False(key.Accepts("S3CRET-KEY"));
    }

    [Fact]
    public void The_header_is_the_one_function_keys_use_in_Azure() =>
        Assert.Equal("x-functions-key", AdminKey.Header);
}
