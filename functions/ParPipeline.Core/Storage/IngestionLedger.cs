using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ParPipeline.Ingest;

namespace ParPipeline.Storage;

/// <summary>
/// Table <c>Ingestions</c>: one row per distinct file, keyed by the SHA-256 of its bytes, so every drop is
/// accounted for: a re-drop of the same bytes adds its name to the row and changes nothing else. Failed and
/// poisoned recompute requests are kept beside them by <see cref="PoisonLedger"/>.
/// </summary>
public sealed class IngestionLedger(TableServiceClient tables)
{
    private const string Partition = "files";

    // A string property holds at most 32K characters (Table Storage limit); warnings beyond are cut.
    private const int MaxTextLength = 30_000;

    private TableClient Table => tables.GetTableClient(PipelineStorageNames.IngestionsTable);

    public async Task<LedgerEntry?> GetAsync(string sha256, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, sha256, cancellationToken: ct);
        return row.HasValue ? ToEntry(row.Value!) : null;
    }

    /// <summary>
    /// Writes a file's row, keeping every drop name a row already has: the same bytes dropped twice at once are
    /// two workers recording one file, and neither name may be lost (optimistic concurrency, as AddDropAsync).
    /// </summary>
    public async Task RecordAsync(LedgerEntry entry, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, entry.Sha256, cancellationToken: ct);
            var merged = entry;
            if (row.HasValue)
            {
                var known = Names(row.Value!);
                var tags = Tags(row.Value!);
                merged = entry with
                {
                    BlobNames = [.. known, .. entry.BlobNames.Where(n => !known.Contains(n))],
                    DropTags = [.. tags, .. entry.DropTags.Where(t => !tags.Contains(t))],
                };
            }
            try
            {
                if (row.HasValue)
                {
                    await Table.UpdateEntityAsync(ToEntity(merged), row.Value!.ETag, TableUpdateMode.Replace, ct);
                }
                else
                {
                    await Table.AddEntityAsync(ToEntity(merged), ct);
                }
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 10)
            {
            }
        }
    }

    /// <summary>
    /// Adds a drop to a known file's row (a re-drop of the same bytes); false when that drop (<paramref name="dropTag"/>:
    /// name and ETag) is already there, that is, when this is another delivery of an event already handled.
    /// </summary>
    public async Task<bool> AddDropAsync(string sha256, string blobName, string dropTag, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, sha256, cancellationToken: ct);
            if (!row.HasValue)
            {
                return false;
            }
            var entity = row.Value!;
            var names = Names(entity);
            var tags = Tags(entity);
            if (tags.Contains(dropTag) && names.Contains(blobName))
            {
                return false;
            }
            if (!names.Contains(blobName))
            {
                names.Add(blobName);
            }
            tags.Add(dropTag);
            entity["BlobNames"] = Cut(JsonSerializer.Serialize(names, PipelineJson.Options));
            SetTags(entity, tags);
            try
            {
                // Optimistic concurrency: two re-drops at once must not lose a name.
                await Table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, ct);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 5)
            {
            }
        }
    }

    /// <summary>Marks the file behind a replaced version as superseded by the new one.</summary>
    public async Task MarkSupersededAsync(string sha256, string by, CancellationToken ct)
    {
        if (await GetAsync(sha256, ct) is { Status: LedgerStatus.Ingested } entry)
        {
            await RecordAsync(entry with { Status = LedgerStatus.Superseded, RelatedVersion = by }, ct);
        }
    }

    public async Task<IReadOnlyList<LedgerEntry>> ListAsync(CancellationToken ct)
    {
        var entries = new List<LedgerEntry>();
        await foreach (var row in Table.QueryAsync<TableEntity>(PartitionFilter.Of(Partition), cancellationToken: ct))
        {
            entries.Add(ToEntry(row));
        }
        return entries;
    }

    /// <summary>Drop tags kept per file; past it only the count grows (a property holds at most 64 KiB).</summary>
    private const int MaxTags = 200;

    private static void SetTags(TableEntity entity, List<string> tags)
    {
        // Under the cap the tags are the count; over it, each new tag adds one to what was counted.
        var drops = tags.Count <= MaxTags ? tags.Count : (entity.GetInt32("Drops") ?? MaxTags) + 1;
        entity["DropTags"] = Cut(JsonSerializer.Serialize(tags.TakeLast(MaxTags), PipelineJson.Options));
        entity["Drops"] = drops;
    }

    private static List<string> Tags(TableEntity row) => Deserialize<List<string>>(row.GetString("DropTags")) ?? [];

    private static TableEntity ToEntity(LedgerEntry entry)
    {
        var entity = Fields(entry);
        SetTags(entity, [.. entry.DropTags]);
        return entity;
    }

    private static TableEntity Fields(LedgerEntry entry) => new(Partition, entry.Sha256)
    {
        ["BlobNames"] = Cut(JsonSerializer.Serialize(entry.BlobNames, PipelineJson.Options)),
        ["BlobName"] = entry.BlobName,
        ["Status"] = entry.Status.ToString().ToLowerInvariant(),
        ["IndexYears"] = string.Join(",", entry.IndexYears),
        ["Units"] = entry.Units,
        ["Problems"] = entry.Problems,
        ["Warnings"] = Cut(JsonSerializer.Serialize(entry.Warnings, PipelineJson.Options)),
        ["StoredAs"] = entry.StoredAs,
        ["RelatedVersion"] = entry.RelatedVersion,
        ["ReceivedAt"] = entry.ReceivedAt,
        ["DurationMs"] = (long)entry.Duration.TotalMilliseconds,
    };

    private static LedgerEntry ToEntry(TableEntity row) => new(
        row.RowKey,
        Names(row),
        Enum.TryParse<LedgerStatus>(row.GetString("Status"), ignoreCase: true, out var status) ? status : LedgerStatus.Rejected,
        [.. (row.GetString("IndexYears") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)],
        row.GetInt32("Units") ?? 0,
        row.GetInt32("Problems") ?? 0,
        Deserialize<List<IngestProblem>>(row.GetString("Warnings")) ?? [],
        row.GetString("StoredAs") ?? "",
        row.GetString("RelatedVersion"),
        row.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
        TimeSpan.FromMilliseconds(row.GetInt64("DurationMs") ?? 0))
    {
        DropTags = Tags(row),
        Drops = row.GetInt32("Drops") ?? Math.Max(1, Tags(row).Count),
    };

    private static List<string> Names(TableEntity row) =>
        Deserialize<List<string>>(row.GetString("BlobNames")) ?? [row.GetString("BlobName") ?? ""];

    private static T? Deserialize<T>(string? json) where T : class
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<T>(json, PipelineJson.Options);
        }
        catch (JsonException)
        {
            // Cut at the property limit: the start is in the errors.json, the row keeps its counts.
            return null;
        }
    }

    private static string Cut(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength];
}
