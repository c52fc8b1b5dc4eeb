namespace ParPipeline.Ingest;

/// <summary>The stable problem codes written to errors.json and the ledger; consumers match on them.</summary>
public static class ProblemCodes
{
    public const string BadDropPath = "BAD_DROP_PATH";
    public const string UnsafeDropName = "UNSAFE_DROP_NAME";
    public const string UnknownIndex = "UNKNOWN_INDEX";
    public const string UnrecognisedFile = "UNRECOGNISED_FILE";
    public const string NoYear = "NO_YEAR";
    public const string NotASpreadsheet = "NOT_A_SPREADSHEET";
    public const string OpenDocument = "OPENDOCUMENT";
    public const string Encrypted = "ENCRYPTED";
    public const string Corrupt = "CORRUPT";
    public const string ZipBomb = "ZIP_BOMB";
    public const string ParseTimeout = "PARSE_TIMEOUT";
    public const string FileTooLarge = "FILE_TOO_LARGE";
    public const string EmptyFile = "EMPTY_FILE";
    public const string HeaderNotFound = "HEADER_NOT_FOUND";
    public const string UnknownUnit = "UNKNOWN_UNIT";
    public const string DuplicateUnit = "DUPLICATE_UNIT";
    public const string UnitInSeveralSheets = "UNIT_IN_SEVERAL_SHEETS";
    public const string MissingUnit = "MISSING_UNIT";
    public const string NotANumber = "NOT_A_NUMBER";
    public const string AmbiguousNumber = "AMBIGUOUS_NUMBER";
    public const string ExcelError = "EXCEL_ERROR";
    public const string DateNotScore = "DATE_NOT_SCORE";
    public const string FormulaNotCalculated = "FORMULA_NOT_CALCULATED";
    public const string MissingScore = "MISSING_SCORE";
    public const string ScoreOutOfRange = "SCORE_OUT_OF_RANGE";
    public const string ComponentsDoNotSum = "COMPONENTS_DO_NOT_SUM";
    public const string NoRows = "NO_ROWS";
    public const string TooManyProblems = "TOO_MANY_PROBLEMS";
    public const string BadYear = "BAD_YEAR";
    public const string YearMismatch = "YEAR_MISMATCH";
    public const string BadCriterion = "BAD_CRITERION";
    public const string DuplicateCriterion = "DUPLICATE_CRITERION";
    public const string UnknownCriterion = "UNKNOWN_CRITERION";
    public const string CriterionOfOtherIndex = "CRITERION_OF_OTHER_INDEX";
    public const string CriterionOverMaximum = "CRITERION_OVER_MAXIMUM";

    // Warnings: kept with the ingestion, do not stop it.
    public const string RankMismatch = "RANK_MISMATCH";
    public const string CriteriaDoNotSum = "CRITERIA_DO_NOT_SUM";
    public const string SheetIgnored = "SHEET_IGNORED";
    public const string CellRepaired = "CELL_REPAIRED";
    public const string HiddenRows = "HIDDEN_ROWS";
    public const string HiddenSheet = "HIDDEN_SHEET";
    public const string SheetsCombined = "SHEETS_COMBINED";

    /// <summary>The codes that are warnings: the file is taken, and the ledger keeps them.</summary>
    public static IReadOnlySet<string> Warnings { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        RankMismatch, CriteriaDoNotSum, SheetIgnored, CellRepaired, HiddenRows, HiddenSheet, SheetsCombined,
    };
}
