using System.Buffers.Binary;
using System.Text;

namespace ParPipeline.Ingest;

/// <summary>
/// Reads one named stream out of an OLE compound file ([MS-CFB]), the container of an xls: enough for
/// <see cref="BiffCellProbe"/> to see the workbook's records that ExcelDataReader reads but does not expose. No
/// package served here reads compound files (OpenMcdf is not on the registry), and ExcelDataReader keeps its own
/// reader internal. Every offset and chain is checked against the file: a damaged or hostile file gives null, and
/// no chain reads a sector twice and no DIFAT walk outruns the number of sectors the file has.
/// </summary>
internal static class CompoundFile
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint LastRegular = 0xFFFFFFFA;

    public static byte[]? ReadStream(byte[] file, string name)
    {
        try
        {
            return Read(file, name);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException)
        {
            return null;
        }
    }

    private static byte[]? Read(byte[] file, string name)
    {
        if (file.Length < 512 || !SpreadsheetOpener.IsCompoundFile(file))
        {
            return null;
        }
        var header = file.AsSpan(0, 512);
        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header[0x1E..]);
        var miniShift = BinaryPrimitives.ReadUInt16LittleEndian(header[0x20..]);
        // Version 3 files have 512-byte sectors, version 4 files 4096; mini sectors are 64 bytes in both.
        if (sectorShift is not (9 or 12) || miniShift != 6)
        {
            return null;
        }
        var sectorSize = 1 << sectorShift;
        var sectors = (file.Length / sectorSize) + 1;
        var fat = Fat(file, header, sectorSize, sectors);
        var directory = Chain(file, fat, BinaryPrimitives.ReadUInt32LittleEndian(header[0x30..]), sectorSize, long.MaxValue);
        var cutoff = BinaryPrimitives.ReadUInt32LittleEndian(header[0x38..]);
        for (var at = 0; at + 128 <= directory.Length; at += 128)
        {
            var entry = directory.AsSpan(at, 128);
            var nameBytes = Math.Clamp((int)BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]) - 2, 0, 62);
            if (entry[0x42] != 2 || Encoding.Unicode.GetString(entry[..nameBytes]) != name)
            {
                continue;
            }
            var start = BinaryPrimitives.ReadUInt32LittleEndian(entry[0x74..]);
            var size = (long)BinaryPrimitives.ReadUInt32LittleEndian(entry[0x78..]);
            if (size >= cutoff)
            {
                return Chain(file, fat, start, sectorSize, size);
            }
            // A small stream lives in the mini stream (the root entry's chain), addressed through the mini FAT.
            var root = directory.AsSpan(0, 128);
            var miniStream = Chain(file, fat, BinaryPrimitives.ReadUInt32LittleEndian(root[0x74..]), sectorSize, BinaryPrimitives.ReadUInt32LittleEndian(root[0x78..]));
            var miniFatBytes = Chain(file, fat, BinaryPrimitives.ReadUInt32LittleEndian(header[0x3C..]), sectorSize, long.MaxValue);
            var miniFat = new uint[miniFatBytes.Length / 4];
            for (var i = 0; i < miniFat.Length; i++)
            {
                miniFat[i] = BinaryPrimitives.ReadUInt32LittleEndian(miniFatBytes.AsSpan(i * 4));
            }
            return Chain(miniStream, miniFat, start, 64, size, offsetOfFirst: 0);
        }
        return null;
    }

    /// <summary>The file allocation table: its sectors are listed in the header (the first 109) and then in a chain of
    /// DIFAT sectors.</summary>
    private static uint[] Fat(byte[] file, ReadOnlySpan<byte> header, int sectorSize, int sectors)
    {
        var count = BinaryPrimitives.ReadUInt32LittleEndian(header[0x2C..]);
        if (count > sectors)
        {
            throw new InvalidDataException("More FAT sectors than the file has.");
        }
        var fatSectors = new List<uint>((int)count);
        for (var i = 0; i < 109 && fatSectors.Count < count; i++)
        {
            fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(header[(0x4C + (4 * i))..]));
        }
        var difat = BinaryPrimitives.ReadUInt32LittleEndian(header[0x44..]);
        for (var hops = 0; fatSectors.Count < count && difat <= LastRegular && hops < sectors; hops++)
        {
            var sector = Sector(file, difat, sectorSize);
            for (var i = 0; i < (sectorSize / 4) - 1 && fatSectors.Count < count; i++)
            {
                fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector[(4 * i)..]));
            }
            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector[^4..]);
        }
        var fat = new uint[fatSectors.Count * (sectorSize / 4)];
        for (var s = 0; s < fatSectors.Count; s++)
        {
            var sector = Sector(file, fatSectors[s], sectorSize);
            for (var i = 0; i < sectorSize / 4; i++)
            {
                fat[(s * (sectorSize / 4)) + i] = BinaryPrimitives.ReadUInt32LittleEndian(sector[(4 * i)..]);
            }
        }
        return fat;
    }

    /// <summary>The bytes of a chain of sectors, cut to <paramref name="size"/>. A chain that comes back to a sector
    /// it has read is damaged even when it would fill the size: those bytes would be the stream's own, repeated.</summary>
    /// <param name="offsetOfFirst">Where sector 0 starts: one sector in (after the header) in the file, at 0 in the mini stream.</param>
    private static byte[] Chain(byte[] source, uint[] table, uint start, int sectorSize, long size, int? offsetOfFirst = null)
    {
        using var bytes = new MemoryStream();
        var read = new bool[table.Length];
        for (var sector = start; sector != EndOfChain && bytes.Length < size; sector = table[sector])
        {
            if (sector > LastRegular || sector >= table.Length || read[sector])
            {
                throw new InvalidDataException("A sector chain leaves the file or loops.");
            }
            read[sector] = true;
            var offset = ((long)sector * sectorSize) + (offsetOfFirst ?? sectorSize);
            if (offset + sectorSize > source.Length)
            {
                // The last sector of a file may be cut short by the writer; what is there is read.
                bytes.Write(source.AsSpan((int)Math.Min(offset, source.Length)));
                break;
            }
            bytes.Write(source.AsSpan((int)offset, sectorSize));
        }
        var all = bytes.ToArray();
        return size < all.Length ? all[..(int)size] : all;
    }

    private static ReadOnlySpan<byte> Sector(byte[] file, uint sector, int sectorSize)
    {
        var offset = ((long)sector + 1) * sectorSize;
        if (sector > LastRegular || offset + sectorSize > file.Length)
        {
            throw new InvalidDataException("A sector outside the file.");
        }
        return file.AsSpan((int)offset, sectorSize);
    }
}
