namespace ParPipeline.Ingest;

/// <summary>A cell's place: its sheet, 1-based row and 0-based column; shown as Excel shows it ('PAR 2023'!D8).</summary>
public readonly record struct CellAt(string Sheet, int Row, int Column)
{
    public string Address => $"{ScoreColumns.Letter(Column)}{Row}";

    public override string ToString() => $"'{Sheet}'!{Address}";
}
