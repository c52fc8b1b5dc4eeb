using Azure.Core.Pipeline;

namespace ParPipeline.Storage;

/// <summary>
/// The HTTP transport of the pipeline's storage clients of one service, registered in DI: the way the local host
/// puts injected faults (<c>Local__StorageFaults__*</c>) under the real clients, below their own retries, so the
/// SDK meets a 503 or a reset connection as it would from the network.
/// </summary>
public sealed record StorageTransport(StorageService Service, HttpPipelineTransport Transport);
