namespace ParPipeline.Storage;

public enum LedgerStatus
{
    Ingested,
    Rejected,
}
