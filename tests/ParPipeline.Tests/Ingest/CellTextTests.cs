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
}
