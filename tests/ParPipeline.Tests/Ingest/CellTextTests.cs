using System.Text;
using ParPipeline.Ingest;

namespace ParPipeline.Tests.Ingest;

public sealed class CellTextTests
{
    [Theory]
    [InlineData("88,68_x000d_", EscapeMode.LeftByReader, "88,68", CellRepair.Escape | CellRepair.Whitespace)]
    [InlineData("88,68_x000D_", EscapeMode.LeftByReader, "88,68_x000D_", CellRepair.None)] // the literal a _x005F_ protected
    [InlineData("PAR_x0020_2023", EscapeMode.All, "PAR 2023", CellRepair.Escape)]
    [InlineData("a_x005F_x000D_", EscapeMode.All, "a_x000D_", CellRepair.Escape)]
    [InlineData("a_x000d_", EscapeMode.None, "a_x000d_", CellRepair.None)]
    [InlineData("_x00zz_ and _x12_", EscapeMode.All, "_x00zz_ and _x12_", CellRepair.None)]
    [InlineData("x_x0041__x0042_y", EscapeMode.All, "xABy", CellRepair.Escape)]
    [InlineData("_x000d_Hà Nội", EscapeMode.LeftByReader, "Hà Nội", CellRepair.Escape | CellRepair.Whitespace)]
    [InlineData("x_xa0b1_y", EscapeMode.LeftByReader, "x\ua0b1y", CellRepair.Escape)]
    [InlineData("\u00A0Hà Nội\u202F", EscapeMode.None, "Hà Nội", CellRepair.Whitespace)]
    [InlineData("\u200B\uFEFFHuế\u2060", EscapeMode.None, "Huế", CellRepair.Whitespace)]
    [InlineData("\r\n\t 88.68 \r\n", EscapeMode.None, "88.68", CellRepair.Whitespace)]
    [InlineData("Hà Nội", EscapeMode.LeftByReader, "Hà Nội", CellRepair.None)]
    [InlineData("", EscapeMode.All, "", CellRepair.None)]
    public void Clean_decodes_trims_and_says_what_it_changed(string text, EscapeMode mode, string expected, CellRepair repairs)
    {
        Assert.Equal((expected, repairs), CellText.Clean(text, mode));
        // The fast path may send a clean text the slow way, never a text that needs repair past it.
        if (CellText.IsClean(text, mode))
        {
            Assert.Equal(CellRepair.None, repairs);
        }
    }

    [Fact]
    public void Decomposed_and_TCVN_style_combining_marks_are_composed()
    {
        var decomposed = "Thừa Thiên Huế".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Thừa Thiên Huế", decomposed);
        Assert.Equal(("Thừa Thiên Huế", CellRepair.Normalisation), CellText.Clean(decomposed, EscapeMode.None));
        // Windows-1258 spells a tone as a base letter and a combining mark: "Hà" as "Ha" + U+0300.
        Assert.Equal(("Hà Nội", CellRepair.Normalisation), CellText.Clean("Ha\u0300 N\u00F4\u0323i", EscapeMode.None));
    }

    [Fact]
    public void Clean_ascii_text_is_returned_as_the_same_instance()
    {
        var text = "88.68";
        Assert.True(CellText.IsClean(text, EscapeMode.LeftByReader));
        Assert.Same(text, CellText.Clean(text, EscapeMode.LeftByReader).Text);
        Assert.False(CellText.IsClean("88.68 ", EscapeMode.None));
        Assert.False(CellText.IsClean("a_x000d_", EscapeMode.LeftByReader));
        Assert.True(CellText.IsClean("a_x000d_", EscapeMode.None));
    }

    [Fact]
    public void The_cleaner_counts_each_kind_once_per_cell_and_only_where_told()
    {
        var cleaner = new CellCleaner(EscapeMode.LeftByReader);
        Assert.Equal("Hà Nội", cleaner.Clean(" Hà Nội", new CellAt("S", 3, 0)));
        Assert.Equal("Hà Nội", cleaner.Clean(" Hà Nội", new CellAt("S", 4, 0)));
        Assert.Equal("Hà Nội", cleaner.Clean(" Hà Nội"));
        Assert.Equal("1", cleaner.Clean("1_x000d_", new CellAt("S", 5, 1)));
        Assert.Equal((1, 3, 0), (cleaner.CountOf(CellRepair.Escape), cleaner.CountOf(CellRepair.Whitespace), cleaner.CountOf(CellRepair.Normalisation)));
        Assert.Equal(
        [
            "1 cell(s) held character codes such as _x000d_ (a line break written as code), decoded; the first at 'S'!B5. No figure changed.",
            "3 cell(s) had invisible spaces or line breaks at the start or end, removed; the first at 'S'!A3. No figure changed.",
        ], cleaner.Warnings().Select(w => w.Message));
    }

    [Fact]
    public void Each_kind_of_repair_is_said_in_both_languages_with_thousands_written_each_languages_way()
    {
        var cleaner = new CellCleaner(EscapeMode.LeftByReader);
        for (var row = 2; row < 1236; row++)
        {
            cleaner.Clean("Ha\u0300 Nô\u0323i ", new CellAt("S", row, 0));
        }
        cleaner.Clean("1_x000d_2", new CellAt("S", 9, 1));
        Assert.Equal(
        [
            ("1 cell(s) held character codes such as _x000d_ (a line break written as code), decoded; the first at 'S'!B9. No figure changed.",
             "1 ô chứa mã ký tự như _x000d_ (dấu xuống dòng ghi dưới dạng mã), đã được giải mã; ô đầu tiên: 'S'!B9. Không số liệu nào thay đổi."),
            ("1,234 cell(s) had invisible spaces or line breaks at the start or end, removed; the first at 'S'!A2. No figure changed.",
             "1.234 ô có khoảng trắng hoặc dấu xuống dòng vô hình ở đầu hoặc cuối, đã được xoá; ô đầu tiên: 'S'!A2. Không số liệu nào thay đổi."),
            ("1,234 cell(s) had Vietnamese letters in decomposed form (combining marks), composed; the first at 'S'!A2. No figure changed.",
             "1.234 ô có chữ tiếng Việt ở dạng tổ hợp (dấu rời), đã được dựng lại; ô đầu tiên: 'S'!A2. Không số liệu nào thay đổi."),
        ], cleaner.Warnings().Select(w => (w.Message, w.MessageVi)));
        Assert.All(cleaner.Warnings(), w => Assert.Equal((ProblemCodes.CellRepaired, null, null, null), (w.Code, w.Sheet, w.Row, w.Column)));
    }

    [Fact]
    public void Only_an_xlsx_has_its_cells_escapes_decoded_a_csv_or_xls_keeps_them_as_written()
    {
        Assert.Equal("Hà\rNội", CellCleaner.For(System.Text.Encoding.UTF8.GetBytes("PK\u0003\u0004")).Clean("Hà_x000d_Nội"));
        Assert.Equal("Hà_x000d_Nội", CellCleaner.For(System.Text.Encoding.UTF8.GetBytes("Tỉnh,Điểm")).Clean("Hà_x000d_Nội"));
        Assert.Equal(EscapeMode.LeftByReader, CellCleaner.For([0x50, 0x4B, 0x03, 0x04]).Escapes);
        Assert.Equal(EscapeMode.None, CellCleaner.For([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).Escapes);
        Assert.Equal(("Miền\rBắc", "Miền_x000d_Bắc"), (CellCleaner.SheetName("Miền_x000d_Bắc", [0x50, 0x4B, 0x03, 0x04]), CellCleaner.SheetName("Miền_x000d_Bắc", [0xD0, 0xCF, 0x11, 0xE0])));
    }
}
