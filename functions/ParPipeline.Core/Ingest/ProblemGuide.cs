namespace ParPipeline.Ingest;

/// <summary>For each problem code, what the pipeline expected and how the sender fixes it, in Vietnamese and English:
/// the rejection report (<c>{sha256}.errors.html</c>) prints it under every problem of that code.</summary>
public sealed record ProblemAdvice(string ExpectedVi, string ExpectedEn, string FixVi, string FixEn);

public static class ProblemGuide
{
    private static readonly Dictionary<string, ProblemAdvice> Advice = new(StringComparer.Ordinal)
    {
        [ProblemCodes.BadDropPath] = new("Tên dạng {chỉ số}/{năm}/{tệp}, ví dụ PAR/2023/par-2023.xlsx.", "A name {index}/{year}/{file}, e.g. PAR/2023/par-2023.xlsx.",
            "Đặt lại tên tệp theo mẫu trên rồi gửi lại.", "Rename the file as above and drop it again."),
        [ProblemCodes.UnsafeDropName] = new("Tên chỉ gồm chữ, số, '-', '_', '.' và '/' giữa các thư mục.", "A name of letters, digits, '-', '_', '.' and '/' between folders.",
            "Đổi tên tệp rồi gửi lại.", "Rename the file and drop it again."),
        [ProblemCodes.UnknownIndex] = new("Một chỉ số đã biết (PAR, SIPAS, PAR-MINISTRIES, ...).", "A known index (PAR, SIPAS, PAR-MINISTRIES, ...).",
            "Đặt tệp vào thư mục của đúng chỉ số.", "Put the file in the folder of its index."),
        [ProblemCodes.UnrecognisedFile] = new("Tên thư mục hoặc tiêu đề trang tính cho biết chỉ số và năm.", "A folder name or a sheet title naming the index and year.",
            "Gửi tệp vào {chỉ số}/{năm}/ hoặc thêm tiêu đề như 'Chỉ số CCHC năm 2023'.", "Drop it under {index}/{year}/ or add a title such as 'PAR INDEX 2023'."),
        [ProblemCodes.NoYear] = new("Năm của số liệu, trong tên thư mục hoặc tiêu đề.", "The year of the scores, in the folder name or the title.",
            "Gửi tệp vào {chỉ số}/{năm}/ hoặc ghi năm vào tiêu đề trang tính.", "Drop it under {index}/{year}/ or put the year in the sheet's title."),
        [ProblemCodes.NotASpreadsheet] = new("Một bảng tính xlsx, xls hoặc csv.", "A spreadsheet: xlsx, xls or csv.",
            "Mở tệp bằng Excel hoặc LibreOffice và lưu dưới dạng xlsx.", "Open it in Excel or LibreOffice and save it as xlsx."),
        [ProblemCodes.OpenDocument] = new("Một bảng tính xlsx, xls hoặc csv (không phải ods).", "A spreadsheet in xlsx, xls or csv (not ods).",
            "Trong LibreOffice: Tệp > Lưu thành > Excel 2007-365 (.xlsx).", "In LibreOffice: File > Save As > Excel 2007-365 (.xlsx)."),
        [ProblemCodes.Encrypted] = new("Một tệp không đặt mật khẩu.", "A file without a password.",
            "Bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu và gửi lại.", "Remove the password (File > Info > Protect Workbook), save and drop it again."),
        [ProblemCodes.Corrupt] = new("Một tệp mở được bằng Excel.", "A file Excel can open.",
            "Mở tệp gốc, lưu lại thành xlsx mới rồi gửi lại.", "Open the original, save it as a new xlsx and drop it again."),
        [ProblemCodes.ZipBomb] = new("Một bảng tính có kích thước bình thường.", "A spreadsheet of ordinary size.",
            "Lưu lại bảng tính chỉ với các trang số liệu.", "Save the workbook again with the data sheets only."),
        [ProblemCodes.ParseTimeout] = new("Một tệp đọc xong trong thời gian cho phép.", "A file read within the time allowed.",
            "Bỏ các trang không cần thiết hoặc chia tệp theo năm.", "Remove unneeded sheets or split the file by year."),
        [ProblemCodes.FileTooLarge] = new("Một tệp không vượt giới hạn kích thước.", "A file within the size limit.",
            "Chia tệp theo năm hoặc theo chỉ số.", "Split the file by year or by index."),
        [ProblemCodes.EmptyFile] = new("Một tệp có nội dung.", "A file with content.",
            "Gửi lại đúng tệp.", "Drop the right file again."),
        [ProblemCodes.HeaderNotFound] = new("Trong 30 dòng đầu, một dòng tiêu đề cột ghi tên đơn vị và các cột điểm.", "Within the first 30 rows, a header row naming the unit and the score columns.",
            "Thêm hoặc sửa dòng tiêu đề cột (ví dụ 'Tỉnh, thành phố' và 'Chỉ số CCHC').", "Add or correct the header row (e.g. 'Province' and 'PAR INDEX')."),
        [ProblemCodes.UnknownUnit] = new("Tên một tỉnh, thành phố (hoặc bộ) của năm đó.", "The name of a province or city (or ministry) of that year.",
            "Sửa tên theo tên gần nhất được gợi ý.", "Correct the name to the closest name suggested."),
        [ProblemCodes.DuplicateUnit] = new("Mỗi đơn vị xuất hiện một lần.", "Each unit once.",
            "Xoá dòng lặp lại.", "Delete the repeated row."),
        [ProblemCodes.UnitInSeveralSheets] = new("Các trang tính mỗi trang một phần đơn vị, không trùng nhau.", "Sheets that each hold a part of the units, none twice.",
            "Xoá các dòng trùng ở một trong hai trang.", "Delete the repeated rows from one of the sheets."),
        [ProblemCodes.MissingUnit] = new("Mọi đơn vị của năm đó, mỗi đơn vị một dòng.", "Every unit of that year, one row each.",
            "Thêm dòng cho đơn vị còn thiếu.", "Add a row for the missing unit."),
        [ProblemCodes.NotANumber] = new("Một số, ví dụ 88,68 hoặc 88.68.", "A number, e.g. 88.68 or 88,68.",
            "Nhập lại giá trị bằng số.", "Type the value again as a number."),
        [ProblemCodes.AmbiguousNumber] = new("Một số chỉ đọc được theo một cách.", "A number that reads one way only.",
            "Ghi số với một dấu thập phân duy nhất, ví dụ 88,68.", "Write the number with one decimal separator, e.g. 88.68."),
        [ProblemCodes.ExcelError] = new("Một giá trị, không phải lỗi công thức.", "A value, not a formula error.",
            "Sửa công thức trong ô (hoặc dán giá trị) rồi lưu lại.", "Fix the formula in the cell (or paste the value) and save again."),
        [ProblemCodes.DateNotScore] = new("Một điểm số, không phải ngày tháng.", "A score, not a date.",
            "Định dạng cột là Số (Number) rồi nhập lại điểm.", "Format the column as Number and type the score again."),
        [ProblemCodes.FormulaNotCalculated] = new("Một công thức đã được tính (tệp lưu kèm kết quả).", "A formula with its result saved in the file.",
            "Mở tệp bằng Excel hoặc LibreOffice, tính lại (F9) rồi lưu.", "Open the file in Excel or LibreOffice, recalculate (F9) and save."),
        [ProblemCodes.MissingScore] = new("Một điểm cho mỗi đơn vị.", "A score for every unit.",
            "Điền điểm vào ô trống.", "Fill in the empty cell."),
        [ProblemCodes.ScoreOutOfRange] = new("Một điểm trong khoảng cho phép của chỉ số.", "A score within the index's range.",
            "Kiểm tra lại giá trị (có thể nhầm cột hoặc nhầm dấu thập phân).", "Check the value (a wrong column or decimal separator is likely)."),
        [ProblemCodes.ComponentsDoNotSum] = new("Các điểm thành phần cộng lại bằng điểm tổng (sai số làm tròn).", "Components that add up to the total (within rounding).",
            "Kiểm tra lại các điểm thành phần và điểm tổng của đơn vị.", "Check the unit's components and total."),
        [ProblemCodes.NoRows] = new("Ít nhất một dòng đơn vị dưới dòng tiêu đề.", "At least one unit row under the header.",
            "Thêm số liệu dưới dòng tiêu đề.", "Put the data under the header row."),
        [ProblemCodes.TooManyProblems] = new("Ít lỗi hơn.", "Fewer problems.",
            "Sửa các lỗi đã liệt kê rồi gửi lại; các lỗi còn lại sẽ hiện ra.", "Fix the problems listed and drop it again; the rest will show."),
        [ProblemCodes.BadYear] = new("Một năm, ví dụ 2023.", "A year, e.g. 2023.",
            "Sửa ô năm.", "Correct the year cell."),
        [ProblemCodes.YearMismatch] = new("Đúng năm của thư mục gửi.", "The year of the folder dropped into.",
            "Gửi tệp vào đúng thư mục năm hoặc sửa năm trong tệp.", "Drop it under the right year, or correct the year in the file."),
        [ProblemCodes.BadCriterion] = new("Mã hoặc tên tiêu chí, không quá 200 ký tự.", "A criterion code or name of at most 200 characters.",
            "Điền mã tiêu chí.", "Fill in the criterion."),
        [ProblemCodes.DuplicateCriterion] = new("Mỗi tiêu chí một lần cho mỗi đơn vị và năm.", "Each criterion once per unit and year.",
            "Xoá dòng lặp lại.", "Delete the repeated row."),
        [ProblemCodes.RankMismatch] = new("Thứ hạng khớp với điểm.", "Ranks that agree with the scores.",
            "Không bắt buộc: pipeline tự xếp hạng từ điểm; kiểm tra cột xếp hạng của tệp.", "Nothing required: the pipeline ranks from the scores; check the file's rank column."),
        [ProblemCodes.SheetIgnored] = new("Một bảng cho mỗi chỉ số và năm.", "One table per index and year.",
            "Không bắt buộc: xoá trang tính trùng nếu không cần.", "Nothing required: delete the copy if it is not needed."),
        [ProblemCodes.CellRepaired] = new("Ô không chứa ký tự vô hình.", "Cells without invisible characters.",
            "Không bắt buộc: dán giá trị (Paste Values) thay vì dán cả định dạng.", "Nothing required: paste values only rather than with formatting."),
        [ProblemCodes.HiddenRows] = new("Không có dòng ẩn trong bảng.", "No hidden rows in the table.",
            "Kiểm tra các dòng ẩn: dòng đã đọc; nếu là dòng đã bỏ, hãy xoá hẳn.", "Check the hidden rows: they were read; delete any that should not count."),
        [ProblemCodes.HiddenSheet] = new("Số liệu ở trang tính hiển thị.", "Data on a visible sheet.",
            "Kiểm tra trang tính ẩn: trang đã được đọc.", "Check the hidden sheet: it was read."),
        [ProblemCodes.SheetsCombined] = new("Một bảng, hoặc các trang mỗi trang một phần.", "One table, or sheets that each hold a part.",
            "Không bắt buộc.", "Nothing required."),
    };

    /// <summary>The advice for a code; a generic line for a code without one (none today: a test walks every code).</summary>
    public static ProblemAdvice For(string code) => Advice.TryGetValue(code, out var advice)
        ? advice
        : new("Xem thông báo.", "See the message.", "Sửa theo thông báo rồi gửi lại.", "Fix as the message says and drop it again.");

    public static bool Knows(string code) => Advice.ContainsKey(code);
}
