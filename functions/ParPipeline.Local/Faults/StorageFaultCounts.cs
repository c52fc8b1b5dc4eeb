using ParPipeline.Storage;

namespace ParPipeline.Local.Faults;

/// <summary>What the fault policies did, for the run's figures; and the one seeded sequence they draw from.</summary>
public sealed class StorageFaultCounts
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _faults = new(StringComparer.Ordinal);
    private readonly Dictionary<StorageService, int> _calls = [];
    private Random? _random;

    public void Call(StorageService service)
    {
        lock (_lock)
        {
            _calls[service] = _calls.GetValueOrDefault(service) + 1;
        }
    }

    public void Fault(StorageService service, string kind)
    {
        lock (_lock)
        {
            var key = $"{service}/{kind}";
            _faults[key] = _faults.GetValueOrDefault(key) + 1;
        }
    }

    public (double Roll, int Kind) Next(int seed)
    {
        lock (_lock)
        {
            _random ??= new Random(seed);
            return (_random.NextDouble(), _random.Next(4));
        }
    }

    public int Calls { get { lock (_lock) { return _calls.Values.Sum(); } } }

    public int Faults { get { lock (_lock) { return _faults.Values.Sum(); } } }

    /// <summary>How many kinds of fault (503, 500, timeout, dropped, outage) were injected, over all services.</summary>
    public int Kinds { get { lock (_lock) { return _faults.Keys.Select(k => k[(k.IndexOf('/') + 1)..]).Distinct().Count(); } } }

    /// <summary>"Blob/503 12, Queue/timeout 3, ..." and the totals.</summary>
    public override string ToString()
    {
        lock (_lock)
        {
            return $"{_faults.Values.Sum()} faults in {_calls.Values.Sum()} storage calls: " +
                string.Join(", ", _faults.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value}"));
        }
    }
}
