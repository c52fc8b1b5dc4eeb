namespace ParPipeline.Ingest;

/// <summary>
/// A set of 64-bit fingerprints in one open-addressed array (8 bytes a slot, at most three quarters full): a
/// million rows' repeats are found in 16 MiB, where a HashSet takes three times that.
/// </summary>
internal sealed class FingerprintSet
{
    private ulong[] _slots = new ulong[1024];
    private bool _hasZero;

    public int Count { get; private set; }

    /// <summary>Adds a fingerprint; false when it was there already.</summary>
    public bool Add(ulong fingerprint)
    {
        if (fingerprint == 0)
        {
            // Zero marks an empty slot, so it is kept aside.
            var added = !_hasZero;
            _hasZero = true;
            Count += added ? 1 : 0;
            return added;
        }
        if ((Count + 1) * 4 > _slots.Length * 3)
        {
            Grow();
        }
        if (!Insert(_slots, fingerprint))
        {
            return false;
        }
        Count++;
        return true;
    }

    private static bool Insert(ulong[] slots, ulong fingerprint)
    {
        var mask = slots.Length - 1;
        // The fingerprint is a hash already; mixing its high bits in spreads sequential-looking values.
        var i = (int)((fingerprint ^ (fingerprint >> 32)) & (ulong)mask);
        while (slots[i] != 0)
        {
            if (slots[i] == fingerprint)
            {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = fingerprint;
        return true;
    }

    private void Grow()
    {
        var larger = new ulong[_slots.Length * 2];
        foreach (var fingerprint in _slots)
        {
            if (fingerprint != 0)
            {
                Insert(larger, fingerprint);
            }
        }
        _slots = larger;
    }
}
