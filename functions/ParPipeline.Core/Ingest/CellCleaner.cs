using System.Globalization;

namespace ParPipeline.Ingest;

/// <summary>
/// Cleans the cells of one file (<see cref="CellText"/>) and counts what it repaired, so the ledger can say so in one
/// line per kind. Every value the parser reads goes through it, so it must cost next to nothing: ASCII text that
/// needs no repair is returned as it is without allocating, and other text (Vietnamese names, repeated a million
/// times in a criteria annex) is cleaned once per spelling and remembered.
/// </summary>
public sealed class CellCleaner(EscapeMode escapes)
{
    // A hostile file of a million distinct names must not grow the memo without end.
    private const int MaxRemembered = 10_000;

    private readonly Dictionary<string, (string Text, CellRepair Repairs)> _remembered = new(StringComparer.Ordinal);
    private readonly int[] _counts = new int[3];
    private readonly string?[] _firstAt = new string?[3];

    /// <summary>A cleaner for the cell values of the file's format, told by its first bytes (a zip is an xlsx).</summary>
    public static CellCleaner For(byte[] content) => new(SpreadsheetOpener.IsZip(content) ? EscapeMode.LeftByReader : EscapeMode.None);

    /// <summary>A sheet's name as the workbook means it: in an xlsx, every escape decoded (the reader decodes none there).</summary>
    public static string SheetName(string name, byte[] content) => CellText.Clean(name, SpreadsheetOpener.IsZip(content) ? EscapeMode.All : EscapeMode.None).Text;

    /// <summary>The cell's value with its text cleaned; other values as they are.</summary>
    /// <param name="at">Where the cell is, kept for the first repair of each kind; null for cells whose repairs are
    /// not counted (the header search reads rows that are read again).</param>
    public object? Value(object? value, CellAt? at = null) => value is string s ? Clean(s, at) : value;

    /// <summary>The cell's text, cleaned; "" for an empty cell.</summary>
    public string Text(object? value, CellAt? at = null) => value switch
    {
        null => "",
        string s => Clean(s, at),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    public string Clean(string text, CellAt? at = null)
    {
        if (CellText.IsClean(text, escapes))
        {
            return text;
        }
        if (!_remembered.TryGetValue(text, out var cleaned))
        {
            cleaned = CellText.Clean(text, escapes);
            if (_remembered.Count < MaxRemembered)
            {
                _remembered[text] = cleaned;
            }
        }
        if (at is { } cell)
        {
            Count(cleaned.Repairs, cell);
        }
        return cleaned.Text;
    }

    public EscapeMode Escapes => escapes;

    /// <summary>Counts a repair made elsewhere (a caller that remembers cleaned texts of its own).</summary>
    public void Count(CellRepair repairs, CellAt at)
    {
        if (repairs != CellRepair.None)
        {
            Count(repairs, CellRepair.Escape, 0, at);
            Count(repairs, CellRepair.Whitespace, 1, at);
            Count(repairs, CellRepair.Normalisation, 2, at);
        }
    }

    /// <summary>How many counted cells had each repair.</summary>
    public int CountOf(CellRepair repair) => repair switch
    {
        CellRepair.Escape => _counts[0],
        CellRepair.Whitespace => _counts[1],
        CellRepair.Normalisation => _counts[2],
        _ => 0,
    };

    /// <summary>One warning per kind of repair made: how many cells, and the first.</summary>
    public IReadOnlyList<IngestProblem> Warnings()
    {
        var warnings = new List<IngestProblem>();
        for (var kind = 0; kind < _counts.Length; kind++)
        {
            if (_counts[kind] == 0)
            {
                continue;
            }
            var (en, vi) = kind switch
            {
                0 => ("held character codes such as _x000d_ (a line break written as code), decoded",
                      "chứa mã ký tự như _x000d_ (dấu xuống dòng ghi dưới dạng mã), đã được giải mã"),
                1 => ("had invisible spaces or line breaks at the start or end, removed",
                      "có khoảng trắng hoặc dấu xuống dòng vô hình ở đầu hoặc cuối, đã được xoá"),
                _ => ("had Vietnamese letters in decomposed form (combining marks), composed",
                      "có chữ tiếng Việt ở dạng tổ hợp (dấu rời), đã được dựng lại"),
            };
            warnings.Add(new IngestProblem(null, null, null, ProblemCodes.CellRepaired,
                $"{_counts[kind]:N0} cell(s) {en}; the first at {_firstAt[kind]}. No figure changed.",
                $"{_counts[kind].ToString("N0", Vietnamese)} ô {vi}; ô đầu tiên: {_firstAt[kind]}. Không số liệu nào thay đổi."));
        }
        return warnings;
    }

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private void Count(CellRepair repairs, CellRepair kind, int slot, CellAt at)
    {
        if ((repairs & kind) != 0)
        {
            _counts[slot]++;
            _firstAt[slot] ??= at.ToString();
        }
    }
}
