using ParPipeline.Units;

namespace ParPipeline.Indices;

/// <summary>An index as data (Indices/Definitions/*.json): what it ranks, its fields, how to find them in a file.</summary>
/// <param name="Code">The index code used in blob paths, partition keys and routes (PAR, SIPAS, PAR-MINISTRIES).</param>
/// <param name="Decimals">The published precision: rankings compare scores rounded to it.</param>
/// <param name="Titles">Groups of phrases; a sheet title names this index when it has one phrase of every group.</param>
/// <param name="TitleExcludes">Phrases that mean a title names another index (the ministries' PAR INDEX).</param>
/// <param name="UnitHeaders">Header synonyms of the column naming the unit.</param>
/// <param name="ShortNameEn">How a sentence names the index: "PAR INDEX", "SIPAS".</param>
/// <param name="Sources">Where each figure of the definition comes from.</param>
/// <param name="FirstYear">The year the index itself was first published: only then is a unit "in its first year";
/// before any later year with no earlier data, the reports say "no earlier year in the data".</param>
/// <param name="Criteria">The criteria and the component each counts towards, when a source lists them: an annex
/// may then name no other criterion, none may pass its maximum, and a component's criteria must add up to the
/// component's score. Null: any criterion is taken, bounded by the total's maximum.</param>
public sealed record IndexDefinition(
    string Code,
    string NameEn,
    string NameVi,
    string ShortNameEn,
    string ShortNameVi,
    UnitKind UnitKind,
    int Decimals,
    bool HigherIsBetter,
    IReadOnlyList<IReadOnlyList<string>> Titles,
    IReadOnlyList<string> TitleExcludes,
    IReadOnlyList<string> UnitHeaders,
    IReadOnlyList<IndexField> Fields,
    IReadOnlyList<SumRule> Sums,
    IReadOnlyList<string> Sources,
    int? FirstYear = null,
    IReadOnlyList<CriterionDefinition>? Criteria = null)
{
    public const string TotalKey = "total";

    /// <summary><see cref="UnitHeaders"/> folded once for matching.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> UnitHeaderKeys { get; } = [.. UnitHeaders.Select(Ingest.HeaderText.Key)];

    /// <summary>What heads the score column of a long-format annex: a score word or the total's own names, folded once.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> LongScoreKeys => _longScoreKeys ??= [.. Ingest.HeaderVocabulary.ScoreKeys, .. Total.HeaderKeys];

    private IReadOnlyList<string>? _longScoreKeys;

    /// <summary><see cref="Titles"/> and <see cref="TitleExcludes"/> folded once, for matching sheet titles.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<IReadOnlyList<string>> TitleKeys { get; } = [.. Titles.Select(g => (IReadOnlyList<string>)[.. g.Select(Ingest.HeaderText.Key)])];

    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> TitleExcludeKeys { get; } = [.. TitleExcludes.Select(Ingest.HeaderText.Key)];

    /// <summary>The total's field, found once: ingestion asks for it (and its maximum) for every cell it reads.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IndexField Total { get; } = Fields.First(f => f.Key == TotalKey);

    /// <summary>The total's maximum: 100 for every index so far.</summary>
    public double Maximum => Total.Maximum ?? 100;

    public IndexField? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);

    /// <summary>The criterion an annex cell names, by id ("2.3", any case, spaces ignored) or by either name (folded
    /// as headers are); null when none, or when the definition lists no criteria.</summary>
    public CriterionDefinition? FindCriterion(string text)
    {
        if (CriteriaKeys() is not { } keys)
        {
            return null;
        }
        var (ids, names) = keys;
        return ids.TryGetValue(CriterionKeys.Id(text), out var byId) ? byId
            // A name has letters: "11" must not be taken for the name-less fold of "1.1".
            : text.Any(char.IsLetter) && names.TryGetValue(Ingest.HeaderText.Key(text), out var byName) ? byName : null;
    }

    /// <summary>The criterion with this id exactly (as stored); null when none or no list. A lookup, not a scan: it
    /// is asked for every row of an annex.</summary>
    public CriterionDefinition? Criterion(string id)
    {
        var found = CriteriaKeys()?.Ids.GetValueOrDefault(CriterionKeys.Id(id));
        return found?.Id == id ? found : null;
    }

    private (IReadOnlyDictionary<string, CriterionDefinition> Ids, IReadOnlyDictionary<string, CriterionDefinition> Names)? CriteriaKeys()
    {
        if (Criteria is null)
        {
            return null;
        }
        // Kept with the list it was built from: a copy made with 'with' and other criteria must not use this one's.
        if (_criteriaKeys is not { } keys || !ReferenceEquals(keys.Of, Criteria))
        {
            var (ids, names) = CriterionKeys.Build(Criteria);
            _criteriaKeys = keys = (Criteria, ids, names);
        }
        return (keys.Ids, keys.Names);
    }

    /// <summary>The most a criterion can score: its own maximum, else its component's, else the total's.</summary>
    public double MaximumOfCriterion(CriterionDefinition? criterion) =>
        criterion?.Maximum ?? (criterion is not null && Field(criterion.Component) is { Maximum: { } component } ? component : Maximum);

    private (IReadOnlyList<CriterionDefinition> Of, IReadOnlyDictionary<string, CriterionDefinition> Ids, IReadOnlyDictionary<string, CriterionDefinition> Names)? _criteriaKeys;

    /// <summary>The most a field can score: its own maximum, else the total's.</summary>
    public double MaximumOf(IndexField field) => field.Maximum ?? Maximum;
}
