using System.Buffers.Binary;
using System.Text;

namespace ParPipeline.Tests.Infrastructure;

/// <summary>
/// Writes an OLE compound file ([MS-CFB]) with the streams it is given, so the reader's every path can be checked
/// against bytes known in advance: version 3 (512-byte sectors) or 4 (4096), streams under the 4096-byte cutoff in the
/// mini stream, more FAT sectors than the header lists (a DIFAT chain), a last sector cut short. Sectors are laid out
/// in order: the FAT, the DIFAT, the directory, the mini FAT, the mini stream, then each larger stream, so the last one
/// added ends the file.
/// </summary>
public sealed class CompoundFileWriter
{
    public const uint Free = 0xFFFFFFFF;
    public const uint EndOfChain = 0xFFFFFFFE;
    private const uint FatSector = 0xFFFFFFFD;
    private const uint DifatSector = 0xFFFFFFFC;
    private const int Cutoff = 4096;

    private readonly List<(string Name, byte Type, byte[] Content)> _entries = [];

    /// <summary>Version 3 (sector shift 9) or 4 (12).</summary>
    public int SectorShift { get; init; } = 9;

    /// <summary>At least this many FAT sectors: more than 109 makes the DIFAT chain that lists the rest.</summary>
    public int MinimumFatSectors { get; init; }

    /// <summary>Bytes cut off the end of the file once written.</summary>
    public int CutFromEnd { get; init; }

    private int SectorSize => 1 << SectorShift;

    /// <param name="type">2 for a stream; 1 makes a storage of that name, which holds no bytes of its own.</param>
    public CompoundFileWriter Add(string name, byte[] content, byte type = 2)
    {
        _entries.Add((name, type, content));
        return this;
    }

    public byte[] Build()
    {
        // Sectors are numbered from 0 after the FAT and DIFAT sectors first, and moved past them once their count is known.
        var sectors = new List<byte[]>();
        var fat = new List<uint>();
        uint Place(byte[] content)
        {
            if (content.Length == 0)
            {
                return EndOfChain;
            }
            var first = (uint)sectors.Count;
            for (var at = 0; at < content.Length; at += SectorSize)
            {
                var sector = new byte[SectorSize];
                content.AsSpan(at, Math.Min(SectorSize, content.Length - at)).CopyTo(sector);
                sectors.Add(sector);
                fat.Add(at + SectorSize >= content.Length ? EndOfChain : (uint)sectors.Count);
            }
            return first;
        }

        var small = new uint[_entries.Count];
        using var mini = new MemoryStream();
        var miniFat = new List<uint>();
        for (var e = 0; e < _entries.Count; e++)
        {
            var content = _entries[e].Content;
            small[e] = EndOfChain;
            if (_entries[e].Type != 2 || content.Length >= Cutoff || content.Length == 0)
            {
                continue;
            }
            small[e] = (uint)(mini.Length / 64);
            for (var at = 0; at < content.Length; at += 64)
            {
                var piece = new byte[64];
                content.AsSpan(at, Math.Min(64, content.Length - at)).CopyTo(piece);
                mini.Write(piece);
                miniFat.Add(at + 64 >= content.Length ? EndOfChain : (uint)(mini.Length / 64));
            }
        }
        var directory = new byte[128 * (_entries.Count + 1)];
        var directoryStart = Place(directory);
        var miniFatStart = Place(Words([.. miniFat, .. Enumerable.Repeat(Free, (SectorSize / 4) - (miniFat.Count % (SectorSize / 4)))]));
        var miniStart = Place(mini.ToArray());
        var large = _entries.Select(e => e.Type == 2 && e.Content.Length >= Cutoff ? Place(e.Content) : EndOfChain).ToArray();

        // The FAT covers itself and the DIFAT sectors that list it past the header's 109.
        var perSector = SectorSize / 4;
        var (fatCount, difatCount) = (Math.Max(MinimumFatSectors, 1), 0);
        while (true)
        {
            difatCount = fatCount <= 109 ? 0 : (fatCount - 109 + perSector - 2) / (perSector - 1);
            if ((long)fatCount * perSector >= sectors.Count + fatCount + difatCount)
            {
                break;
            }
            fatCount++;
        }
        var shift = (uint)(fatCount + difatCount);
        uint Moved(uint sector) => sector <= 0xFFFFFFFA ? sector + shift : sector;
        var table = new List<uint>();
        table.AddRange(Enumerable.Repeat(FatSector, fatCount));
        table.AddRange(Enumerable.Repeat(DifatSector, difatCount));
        table.AddRange(fat.Select(Moved));
        table.AddRange(Enumerable.Repeat(Free, (fatCount * perSector) - table.Count));

        // The directory is a tree under the root: here a chain of right siblings, which readers walk as any other tree.
        Entry(directory.AsSpan(0, 128), "Root Entry", 5, Moved(miniStart), mini.Length, child: _entries.Count > 0 ? 1 : Free);
        for (var e = 0; e < _entries.Count; e++)
        {
            var (name, type, content) = _entries[e];
            Entry(directory.AsSpan(128 * (e + 1), 128), name, type, small[e] != EndOfChain ? small[e] : Moved(large[e]), type == 2 ? content.Length : 0,
                right: e + 1 < _entries.Count ? (uint)(e + 2) : Free);
        }
        for (var at = 0; at < directory.Length; at += SectorSize)
        {
            directory.AsSpan(at, Math.Min(SectorSize, directory.Length - at)).CopyTo(sectors[(int)directoryStart + (at / SectorSize)]);
        }

        var front = new List<byte[]>();
        var tableBytes = Words(table);
        for (var s = 0; s < fatCount; s++)
        {
            front.Add(tableBytes.AsSpan(s * SectorSize, SectorSize).ToArray());
        }
        for (var d = 0; d < difatCount; d++)
        {
            var sector = new byte[SectorSize];
            for (var i = 0; i < perSector - 1; i++)
            {
                var listed = 109 + (d * (perSector - 1)) + i;
                BinaryPrimitives.WriteUInt32LittleEndian(sector.AsSpan(4 * i), listed < fatCount ? (uint)listed : Free);
            }
            BinaryPrimitives.WriteUInt32LittleEndian(sector.AsSpan(SectorSize - 4), d + 1 < difatCount ? (uint)(fatCount + d + 1) : EndOfChain);
            front.Add(sector);
        }
        sectors.InsertRange(0, front);
        FirstStreamSector = large.Where(s => s != EndOfChain).Select(Moved).DefaultIfEmpty(EndOfChain).First();
        MiniFatSector = Moved(miniFatStart);
        DirectorySector = Moved(directoryStart);

        var header = new byte[SectorSize];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(header, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(0x18), 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(0x1A), (ushort)(SectorShift == 12 ? 4 : 3));
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(0x1C), 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(0x1E), (ushort)SectorShift);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(0x20), 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x2C), (uint)fatCount);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x30), DirectorySector);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x38), Cutoff);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x3C), MiniFatSector);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x40), (uint)((miniFat.Count * 4 + SectorSize - 1) / SectorSize));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x44), difatCount > 0 ? (uint)fatCount : EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x48), (uint)difatCount);
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x4C + (4 * i)), i < fatCount ? (uint)i : Free);
        }

        using var file = new MemoryStream();
        file.Write(header);
        sectors.ForEach(s => file.Write(s));
        var bytes = file.ToArray();
        return bytes[..^CutFromEnd];
    }

    /// <summary>The first sector of the first stream kept outside the mini stream (after <see cref="Build"/>).</summary>
    public uint FirstStreamSector { get; private set; }

    public uint MiniFatSector { get; private set; }

    public uint DirectorySector { get; private set; }

    /// <summary>Where sector <paramref name="sector"/> starts in a file this writer made (the header is sector -1).</summary>
    public long OffsetOf(uint sector) => ((long)sector + 1) * SectorSize;

    private static void Entry(Span<byte> entry, string name, byte type, uint start, long size, uint right = Free, uint child = Free)
    {
        var nameBytes = Encoding.Unicode.GetBytes(name);
        nameBytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)(nameBytes.Length + 2));
        entry[0x42] = type;
        entry[0x43] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x44..], Free);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x48..], right);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x4C..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x74..], start);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x78..], (uint)size);
    }

    private static byte[] Words(IReadOnlyList<uint> words)
    {
        var bytes = new byte[words.Count * 4];
        for (var i = 0; i < words.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * i), words[i]);
        }
        return bytes;
    }
}
