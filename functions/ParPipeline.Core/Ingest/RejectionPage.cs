using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;

namespace ParPipeline.Ingest;

/// <summary>
/// <c>{sha256}.errors.html</c>, beside the quarantined file: one page for the person who dropped it, usually ministry
/// or department staff reading Vietnamese. Vietnamese first, English second (each passage with its <c>lang</c>);
/// every problem with its sheet, its cell as Excel names it (D8), the value found, what was expected and how to fix
/// it. Every text from the file is HTML-escaped; the layout is a column of cards, readable on a phone.
/// </summary>
public static class RejectionPage
{
    public const string ContentType = "text/html; charset=utf-8";

    public static string Render(ErrorReport report)
    {
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Tệp bị từ chối / File rejected: ").Append(E(report.File)).Append("</title>\n")
            .Append("<style>")
            .Append("body{font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;margin:0 auto;max-width:48rem;padding:1rem;color:#1b1b1b;background:#fff}")
            .Append("h1{font-size:1.4rem;margin:.2rem 0 .6rem}h2{font-size:1.15rem;margin:1.6rem 0 .4rem;border-top:2px solid #1b1b1b;padding-top:.8rem}")
            .Append(".meta{color:#444;font-size:.9rem;overflow-wrap:anywhere}ol{padding:0;list-style:none}")
            .Append("li{border:1px solid #b5b5b5;border-left:6px solid #b00020;border-radius:4px;padding:.6rem .8rem;margin:.6rem 0}")
            .Append("dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .8rem;margin:.4rem 0 0}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}")
            .Append("code{font-family:ui-monospace,Consolas,monospace;background:#f1f1f1;padding:0 .25rem;border-radius:3px}")
            .Append("@media print{li{break-inside:avoid}}")
            .Append("</style>\n</head>\n<body>\n<main>\n");

        Section(html, report, vietnamese: true);
        html.Append("<section lang=\"en\">\n");
        Section(html, report, vietnamese: false);
        html.Append("</section>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Section(StringBuilder html, ErrorReport report, bool vietnamese)
    {
        var count = report.Problems.Count;
        var when = report.RejectedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        if (vietnamese)
        {
            html.Append("<h1>Tệp chưa được nhận: cần sửa ").Append(count).Append(" lỗi</h1>\n");
        }
        else
        {
            html.Append("<h2>File not accepted: ").Append(count).Append(count == 1 ? " problem" : " problems").Append(" to fix</h2>\n");
        }
        html.Append("<p class=\"meta\">").Append(vietnamese ? "Tệp" : "File").Append(": <code>").Append(E(report.File)).Append("</code><br>")
            .Append(vietnamese ? "Thời điểm" : "Rejected").Append(": ").Append(when).Append("<br>SHA-256: <code>").Append(E(report.Sha256)).Append("</code></p>\n")
            .Append("<p>").Append(E(vietnamese ? report.ExpectedVi : report.Expected)).Append("</p>\n")
            .Append("<p>").Append(vietnamese
                ? "Tệp gốc được giữ lại, không có số liệu nào được ghi. Sửa các lỗi dưới đây trong tệp rồi gửi lại vào cùng thư mục."
                : "The original is kept and no figure was written. Fix the problems below in the file and drop it again in the same folder.")
            .Append("</p>\n<ol>\n");
        foreach (var problem in report.Problems)
        {
            var advice = ProblemGuide.For(problem.Code);
            html.Append("<li><dl>");
            Row(html, vietnamese ? "Vị trí" : "Where", Where(problem, vietnamese));
            if (problem.Found is { } found)
            {
                Row(html, vietnamese ? "Giá trị" : "Found", $"<code>{E(found)}</code>");
            }
            Row(html, vietnamese ? "Lỗi" : "Problem", E(vietnamese ? problem.MessageVi : problem.Message));
            Row(html, vietnamese ? "Cần có" : "Expected", E(vietnamese ? advice.ExpectedVi : advice.ExpectedEn));
            Row(html, vietnamese ? "Cách sửa" : "To fix", E(vietnamese ? advice.FixVi : advice.FixEn));
            Row(html, vietnamese ? "Mã" : "Code", $"<code>{E(problem.Code)}</code>");
            html.Append("</dl></li>\n");
        }
        html.Append("</ol>\n");
    }

    private static string Where(IngestProblem problem, bool vietnamese)
    {
        var parts = new List<string>();
        if (problem.Sheet is { } sheet)
        {
            parts.Add($"{(vietnamese ? "trang" : "sheet")} <code>{E(sheet)}</code>");
        }
        if (problem.Column is not null && problem.Row is not null)
        {
            parts.Add($"{(vietnamese ? "ô" : "cell")} <code>{E(problem.Cell!)}</code>");
        }
        else if (problem.Row is { } row)
        {
            parts.Add($"{(vietnamese ? "dòng" : "row")} {row}");
        }
        else if (problem.Column is { } column)
        {
            parts.Add($"{(vietnamese ? "cột" : "column")} <code>{E(column)}</code>");
        }
        return parts.Count == 0 ? (vietnamese ? "cả tệp" : "the whole file") : string.Join(", ", parts);
    }

    private static void Row(StringBuilder html, string term, string definitionHtml) =>
        html.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(definitionHtml).Append("</dd>");

    // Only what HTML needs escaped (< > & " ' and controls): Vietnamese letters stay letters, not entities.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);
}
