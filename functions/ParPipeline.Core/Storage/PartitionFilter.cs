using Azure.Data.Tables;

namespace ParPipeline.Storage;

/// <summary>
/// The OData filter of one partition, made by the SDK's own escaping. A string, not a LINQ expression: an expression
/// is translated by reflection over its tree, and any rewriting of the compiled code (mutation testing puts a switch
/// in every lambda) turns it into a filter Table storage refuses ("The query condition specified in the request is
/// invalid"), so tests of such a build could not tell a mutant from a broken query.
/// </summary>
internal static class PartitionFilter
{
    public static string Of(string partitionKey) => TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
}
