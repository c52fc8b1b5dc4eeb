using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using ParPipeline.Indices;
using ParPipeline.Ingest;
using ParPipeline.Ranking;

namespace ParPipeline.Storage;

/// <summary>
/// Table <c>Scores</c>. The current version of an index-year is partition <c>{INDEX}-{YEAR}</c> (RowKey the unit
/// code), replaced in one entity group transaction so no reader sees half a year; every version ever
/// ingested also stays as partition <c>{INDEX}-{YEAR}@{sha256}</c>, so a superseded file stays queryable.
/// Scores are doubles (Azure.Data.Tables has no decimal type: a decimal reads back as 0,
/// azure-sdk-for-net#28208); readers round to the published decimals. Every row keeps its provenance.
/// </summary>
public sealed class ScoreStore(TableServiceClient tables)
{
    private const string VersionSeparator = "@";

    private TableClient Table => tables.GetTableClient(PipelineStorageNames.ScoresTable);

    /// <summary>Stores a table read from a file as the current version of its index-year, and as a kept version.</summary>
    public Task ReplaceAsync(ScoreTable table, DroppedFile file, CancellationToken ct) =>
        ReplaceAsync(table, file, PartitionWriter.RowKeysAsync(Table, table.IndexYear.PartitionKey, ct), ct);

    /// <summary>
    /// The same, given the current version as the caller just read it (under the index-year's lock, as ingestion
    /// does to tell a duplicate): its units are the rows to delete unless rewritten, so nothing is read again.
    /// </summary>
    public Task ReplaceAsync(ScoreTable table, DroppedFile file, ScoreSet? current, CancellationToken ct) =>
        ReplaceAsync(table, file, Task.FromResult(new HashSet<string>(current?.Scores.Select(s => s.UnitCode) ?? [], StringComparer.Ordinal)), ct);

    private async Task ReplaceAsync(ScoreTable table, DroppedFile file, Task<HashSet<string>> stale, CancellationToken ct)
    {
        var dataHash = DataHash(table);
        var current = table.IndexYear.PartitionKey;
        var kept = $"{current}{VersionSeparator}{file.Sha256}";
        // The kept version first: if the process dies between the two, the retry writes both again. Its
        // partition is named by the file's SHA-256, so its rows are a function of the bytes and a retry rewrites
        // the same ones: it needs no read for stale rows.
        await PartitionWriter.ReplacePartitionAsync(Table, kept, Entities(kept, table, file, dataHash), [], ct);
        await PartitionWriter.ReplacePartitionAsync(Table, current, Entities(current, table, file, dataHash), await stale, ct);
    }

    /// <summary>Keeps a table as a version only (partition <c>{INDEX}-{YEAR}@{sha256}</c>): an older upload that arrived late.</summary>
    public Task KeepAsync(ScoreTable table, DroppedFile file, CancellationToken ct)
    {
        var kept = $"{table.IndexYear.PartitionKey}{VersionSeparator}{file.Sha256}";
        return PartitionWriter.ReplacePartitionAsync(Table, kept, Entities(kept, table, file, DataHash(table)), [], ct);
    }

    public Task<ScoreSet?> GetAsync(IndexYear indexYear, CancellationToken ct) => ReadAsync(indexYear, indexYear.PartitionKey, ct);

    /// <summary>The file version (SHA-256) of an index-year's current scores, reading one row; null when none.</summary>
    public async Task<string?> GetVersionAsync(IndexYear indexYear, CancellationToken ct)
    {
        await foreach (var row in Table.QueryAsync<TableEntity>(PartitionFilter.Of(indexYear.PartitionKey), maxPerPage: 1, select: ["Version"], cancellationToken: ct))
        {
            return row.GetString("Version");
        }
        return null;
    }

    /// <summary>A version of an index-year by the SHA-256 of the file it came from, current or superseded.</summary>
    public Task<ScoreSet?> GetVersionAsync(IndexYear indexYear, string sha256, CancellationToken ct) =>
        ReadAsync(indexYear, $"{indexYear.PartitionKey}{VersionSeparator}{sha256}", ct);

    /// <summary>
    /// A hash of what a table says (units and values at the published precision), not of the file's bytes: a
    /// file saved again with the same figures is the same data.
    /// </summary>
    public static string DataHash(ScoreTable table)
    {
        var text = new StringBuilder(table.IndexYear.PartitionKey);
        foreach (var unit in table.Units.OrderBy(u => u.Unit.Code, StringComparer.Ordinal))
        {
            text.Append('|').Append(unit.Unit.Code);
            foreach (var (key, value) in unit.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                text.Append(';').Append(key).Append('=').Append(Math.Round(value, table.Index.Decimals).ToString(CultureInfo.InvariantCulture));
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The table property of a field: PascalCase of its key (appraisal → Appraisal).</summary>
    public static string PropertyName(string fieldKey) => char.ToUpperInvariant(fieldKey[0]) + fieldKey[1..];

    private static List<TableEntity> Entities(string partition, ScoreTable table, DroppedFile file, string dataHash) =>
        [.. table.Units.Select(unit =>
        {
            var entity = new TableEntity(partition, unit.Unit.Code)
            {
                ["UnitName"] = unit.Unit.NameVi,
                ["Version"] = file.Sha256,
                ["DataHash"] = dataHash,
                ["BlobName"] = file.BlobName,
                ["Sheet"] = table.Sheet,
                ["Row"] = unit.Row,
                ["DroppedAt"] = file.DroppedAt,
            };
            foreach (var (key, value) in unit.Values)
            {
                entity[PropertyName(key)] = value;
            }
            if (unit.PublishedRank is { } rank)
            {
                entity["PublishedRank"] = rank;
            }
            return entity;
        })];

    private static readonly HashSet<string> Bookkeeping =
        ["PartitionKey", "RowKey", "Timestamp", "odata.etag", "UnitName", "Version", "DataHash", "BlobName", "Sheet", "Row", "PublishedRank", "DroppedAt"];

    private async Task<ScoreSet?> ReadAsync(IndexYear indexYear, string partition, CancellationToken ct)
    {
        var scores = new List<UnitScore>();
        string? version = null, dataHash = null;
        DateTimeOffset? droppedAt = null;
        await foreach (var row in Table.QueryAsync<TableEntity>(PartitionFilter.Of(partition), cancellationToken: ct))
        {
            version ??= row.GetString("Version");
            dataHash ??= row.GetString("DataHash");
            droppedAt ??= row.GetDateTimeOffset("DroppedAt");
            var fields = row.Where(p => !Bookkeeping.Contains(p.Key) && p.Value is double)
                .ToDictionary(p => char.ToLowerInvariant(p.Key[0]) + p.Key[1..], p => (double)p.Value, StringComparer.Ordinal);
            scores.Add(new UnitScore(row.RowKey, row.GetString("UnitName") ?? row.RowKey,
                fields.GetValueOrDefault(IndexDefinition.TotalKey, double.NaN), fields, row.GetInt32("PublishedRank")));
        }
        return scores.Count == 0 ? null : new ScoreSet(indexYear, version ?? "", dataHash ?? "", scores) { DroppedAt = droppedAt };
    }
}
