using System.Globalization;
using ParPipeline.Indices;

namespace ParPipeline.Ingest;

/// <summary>
/// What a drop's path says: <c>{index}/{year}/{file}</c> fixes both (PAR/2023/par-2023.xlsx), <c>{index}/{file}</c>
/// the index only; any other name leaves both to the sheet's title.
/// </summary>
public sealed record DropTarget(IndexDefinition? Index, int? Year)
{
    /// <summary>Longer drop names are refused: Azure allows 1,024 characters, no ministry file needs 300.</summary>
    public const int MaxNameLength = 300;

    public static (DropTarget? Target, IngestProblem? Problem) Parse(string blobName, IndexCatalog catalog)
    {
        if (UnsafeName(blobName) is { } why)
        {
            // The name is only ever data (originals are stored under their SHA-256), but a name like this is
            // an attack or an accident; either way a person should look at it.
            return (null, Problem(ProblemCodes.UnsafeDropName, $"The drop name {why.En}: rename the file (letters, digits, '-', '_', '.', '/' between folders) and drop it again.",
                $"Tên tệp gửi {why.Vi}: hãy đổi tên (chữ, số, '-', '_', '.', '/' giữa các thư mục) rồi gửi lại."));
        }
        var parts = blobName.Split('/');
        if (parts.Length < 2 || catalog.Find(parts[0]) is not { } index)
        {
            if (parts.Length >= 3 && LooksLikeYear(parts[1]))
            {
                return (null, Problem(ProblemCodes.UnknownIndex,
                    $"Index '{parts[0]}' is not known; expected one of {string.Join(", ", catalog.All.Select(d => d.Code).Order(StringComparer.Ordinal))}.",
                    $"Chỉ số '{parts[0]}' không có trong danh mục; cần là một trong {string.Join(", ", catalog.All.Select(d => d.Code).Order(StringComparer.Ordinal))}."));
            }
            return (new DropTarget(null, null), null);
        }
        if (parts.Length == 2)
        {
            return (new DropTarget(index, null), null);
        }
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return (null, Problem(ProblemCodes.BadDropPath,
                $"'{parts[1]}' in '{blobName}' is not a year: drops are named {{index}}/{{year}}/{{file}}, e.g. PAR/2023/par-2023.xlsx.",
                $"'{parts[1]}' trong '{blobName}' không phải là năm: tệp gửi được đặt tên {{chỉ số}}/{{năm}}/{{tệp}}, ví dụ PAR/2023/par-2023.xlsx."));
        }
        return (new DropTarget(index, year), null);
    }

    private static (string En, string Vi)? UnsafeName(string name) =>
        name.Length > MaxNameLength ? ($"is {name.Length} characters long (at most {MaxNameLength})", $"dài {name.Length} ký tự (tối đa {MaxNameLength})")
        : name.Any(char.IsControl) ? ("holds control characters", "chứa ký tự điều khiển")
        : name.StartsWith('/') || name.Contains('\\') || (name.Length > 1 && name[1] == ':') ? ("is an absolute path or uses backslashes", "là đường dẫn tuyệt đối hoặc dùng dấu gạch ngược")
        : name.Split('/').Any(part => part is "." or ".." || part.Length == 0) ? ("has '.', '..' or empty folder names", "có thư mục tên '.', '..' hoặc rỗng")
        : null;

    private static bool LooksLikeYear(string text) => text.Length == 4 && text.All(char.IsAsciiDigit);

    private static IngestProblem Problem(string code, string message, string messageVi) => new(null, null, null, code, message, messageVi);
}
