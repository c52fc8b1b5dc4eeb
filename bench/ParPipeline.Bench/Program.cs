using ParPipeline.Bench;

// dotnet run -c Release --project bench/ParPipeline.Bench -- [--size small|full] [--out FILE]
// (ingest-child is the harness calling itself to measure one ingestion's peak memory in a fresh process.)
return args is ["ingest-child", ..] ? await IngestChild.RunAsync(args[1..]) : await BenchRun.RunAsync(args);
