namespace ParPipeline.Storage;

/// <summary>The storage service a <see cref="StorageTransport"/> applies to.</summary>
public enum StorageService
{
    Blob,
    Queue,
    Table,
}
