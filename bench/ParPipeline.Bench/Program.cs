using ParPipeline.Bench;
using ParPipeline.Bench.Chaos;

// dotnet run -c Release --project bench/ParPipeline.Bench -- [--size small|full] [--only ...] [--out FILE]
// dotnet run -c Release --project bench/ParPipeline.Bench -- chaos [--size N]
// (ingest-child is the harness calling itself to measure one ingestion's peak memory in a fresh process.)
return args switch
{
    ["ingest-child", ..] => await IngestChild.RunAsync(args[1..]),
    ["chaos", ..] => await ChaosCommand.RunAsync(args[1..]),
    _ => await BenchRun.RunAsync(args),
};
