namespace ParPipeline;

/// <summary>How text a client or a queue sent is echoed back in a message: cut short, control characters shown as '?'.</summary>
public static class DisplayText
{
    public static string Clip(string text, int length)
    {
        var clean = new string([.. text.Take(length).Select(c => char.IsControl(c) ? '?' : c)]);
        return text.Length > length ? clean + "…" : clean;
    }

    /// <summary>How much of a cell a problem's message quotes: more than any unit's name in any spelling, and far
    /// less than a cell can hold (an unclosed quote in a CSV makes the rest of the file one cell).</summary>
    public const int CellLength = 80;

    public static string Cell(string text) => Clip(text, CellLength);
}
