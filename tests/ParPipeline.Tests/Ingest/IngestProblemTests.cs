using ParPipeline.Ingest;

namespace ParPipeline.Tests.Ingest;

/// <summary>How a problem names its place (the log line and the ledger's cell), and which codes only warn.</summary>
public sealed class IngestProblemTests
{
    [Fact]
    public void A_problem_says_where_it_is_as_far_as_it_is_known()
    {
        Assert.Equal("NOT_A_NUMBER at PAR 2023 row 8 column D: x", new IngestProblem("PAR 2023", 8, "D", ProblemCodes.NotANumber, "x", "y").ToString());
        Assert.Equal("MISSING_UNIT at PAR 2023 column B: x", new IngestProblem("PAR 2023", null, "B", ProblemCodes.MissingUnit, "x", "y").ToString());
        Assert.Equal("TOO_MANY_PROBLEMS at Sheet1 row 1003: x", new IngestProblem("Sheet1", 1003, null, ProblemCodes.TooManyProblems, "x", "y").ToString());
        Assert.Equal("ZIP_BOMB at (file): x", new IngestProblem(null, null, null, ProblemCodes.ZipBomb, "x", "y").ToString());
        Assert.Equal(("D8", "8", "B", null), (
            new IngestProblem("S", 8, "D", "C", "x", "y").Cell, new IngestProblem("S", 8, null, "C", "x", "y").Cell,
            new IngestProblem("S", null, "B", "C", "x", "y").Cell, new IngestProblem("S", null, null, "C", "x", "y").Cell));
    }

    [Fact]
    public void Exactly_the_warning_codes_let_a_file_be_taken()
    {
        Assert.Equal(
            ["CELL_REPAIRED", "CRITERIA_DO_NOT_SUM", "HIDDEN_ROWS", "HIDDEN_SHEET", "RANK_MISMATCH", "SHEETS_COMBINED", "SHEET_IGNORED"],
            ProblemCodes.Warnings.Order(StringComparer.Ordinal));
    }
}
