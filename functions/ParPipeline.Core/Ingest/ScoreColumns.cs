namespace ParPipeline.Ingest;

/// <summary>Column names as a spreadsheet shows them: A, B, ..., Z, AA.</summary>
public static class ScoreColumns
{
    public static string Letter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }
        return letters;
    }
}
