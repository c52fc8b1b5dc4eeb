namespace ParPipeline.Storage;

/// <summary>
/// At most <c>size</c> storage calls in flight: a new one starts as soon as any finishes, not when a whole round
/// has (waiting for the slowest of each round left the account idle). A failure surfaces at the next wait.
/// </summary>
internal sealed class TransactionWindow(int size)
{
    private readonly List<Task> _inFlight = new(size);

    public bool Full => _inFlight.Count >= size;

    public void Add(Task call) => _inFlight.Add(call);

    /// <summary>Waits until one call has finished, and rethrows its failure.</summary>
    public async Task WaitForRoomAsync()
    {
        var done = await Task.WhenAny(_inFlight);
        _inFlight.Remove(done);
        await done;
    }

    /// <summary>Waits for every call in flight; the first failure is rethrown.</summary>
    public async Task DrainAsync()
    {
        var all = _inFlight.ToArray();
        _inFlight.Clear();
        await Task.WhenAll(all);
    }
}
