using System.Globalization;
using System.Text.Json.Serialization;

namespace ParPipeline.Storage;

/// <summary>One index in one year: the partition key of Scores and Rankings, e.g. <c>PAR-2023</c>.</summary>
public readonly record struct IndexYear(string Index, int Year)
{
    [JsonIgnore]
    public string PartitionKey => $"{Index}-{Year.ToString(CultureInfo.InvariantCulture)}";

    public IndexYear NextYear() => this with { Year = Year + 1 };

    public IndexYear PreviousYear() => this with { Year = Year - 1 };

    public static bool TryParse(string partitionKey, out IndexYear indexYear)
    {
        var dash = partitionKey.LastIndexOf('-');
        if (dash > 0 && int.TryParse(partitionKey.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            indexYear = new IndexYear(partitionKey[..dash], year);
            return true;
        }
        indexYear = default;
        return false;
    }

    public override string ToString() => PartitionKey;
}
