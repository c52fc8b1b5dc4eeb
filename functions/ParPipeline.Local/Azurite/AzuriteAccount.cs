namespace ParPipeline.Local.Azurite;

/// <summary>A storage account served by Azurite; its key is generated per run and never leaves the machine.</summary>
public sealed record AzuriteAccount(string Name, string Key);
