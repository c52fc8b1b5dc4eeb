namespace ParPipeline.Api;

/// <summary>Settings <c>Api__*</c>.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>
    /// When set, every read route asks for this key (header <c>x-functions-key</c> or <c>?code=</c>): read routes
    /// are anonymous by default. A function's authorization level is compiled into functions.metadata and cannot
    /// follow a setting, so the check is the handlers' own and the same in both hosts.
    /// </summary>
    public string? ReadKey { get; set; }

    /// <summary>
    /// Origins whose pages may read the read routes from a browser (CORS): <c>*</c> (the default, the data is
    /// public) or a list separated by commas or spaces (<c>https://dashboard.example.vn</c>). Admin routes never
    /// answer cross-origin. In Azure the app answers CORS itself, not the platform's CORS setting, which can
    /// neither leave the admin routes out nor expose the ETag (infra/ passes this setting and leaves that one empty).
    /// </summary>
    public string AllowedOrigins { get; set; } = "*";

    /// <summary>How long the list of ranked index-years is trusted before the catalog is read again.</summary>
    public TimeSpan SnapshotRefresh { get; set; } = TimeSpan.FromMilliseconds(200);
}
