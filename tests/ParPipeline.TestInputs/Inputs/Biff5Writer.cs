using System.Buffers.Binary;
using System.Text;

namespace ParPipeline.TestInputs;

/// <summary>
/// Writes an Excel 95 (BIFF5) workbook: one sheet of text and numbers in a "Book" stream of an OLE compound file,
/// the format ministries' oldest files still come in. Text is 8-bit (Windows-1252), as BIFF5 stores it.
/// </summary>
public static class Biff5Writer
{
    private const int Sector = 512;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FatSector = 0xFFFFFFFD;
    private const uint Free = 0xFFFFFFFF;

    public static byte[] Write(string sheetName, IReadOnlyList<object[]> rows)
    {
        var book = Book(sheetName, rows);
        // Streams under 4,096 bytes live in the mini stream; padding keeps this one in ordinary sectors.
        var length = Math.Max(book.Length, 4096);
        var streamSectors = (length + Sector - 1) / Sector;
        var file = new byte[Sector * (3 + streamSectors)];

        // Header: signature, version 3 (512-byte sectors), one FAT sector (#0), directory at sector #1.
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(file, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(24), 0x003E);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(26), 0x0003);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(28), 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(30), 9);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(32), 6);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(44), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(48), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(56), 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(60), EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(68), EndOfChain);
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(76 + 4 * i), i == 0 ? 0 : Free);
        }

        // FAT (sector #0 in the file, after the header): itself, the directory, then the stream's chain.
        var fat = file.AsSpan(Sector);
        fat.Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, FatSector);
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], EndOfChain);
        for (var s = 0; s < streamSectors; s++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(fat[(4 * (2 + s))..], s == streamSectors - 1 ? EndOfChain : (uint)(3 + s));
        }

        // Directory (sector #1): the root entry and the "Book" stream.
        var directory = file.AsSpan(Sector * 2, Sector);
        Entry(directory, "Root Entry", 5, EndOfChain, 0, child: 1);
        Entry(directory[128..], "Book", 2, 2, (uint)length, child: Free);
        for (var e = 2; e < 4; e++)
        {
            Entry(directory[(128 * e)..], "", 0, 0, 0, Free);
        }
        book.CopyTo(file, Sector * 3);
        return file;
    }

    private static void Entry(Span<byte> entry, string name, byte type, uint start, uint size, uint child)
    {
        var encoded = Encoding.Unicode.GetBytes(name);
        encoded.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)(name.Length == 0 ? 0 : encoded.Length + 2));
        entry[66] = type;
        entry[67] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], Free);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], Free);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[116..], start);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[120..], size);
    }

    private static byte[] Book(string sheetName, IReadOnlyList<object[]> rows)
    {
        var latin = Encoding.Latin1;
        var globals = new MemoryStream();
        Record(globals, 0x0809, [0x00, 0x05, 0x05, 0x00, 0, 0, 0, 0]);           // BOF: BIFF5, workbook globals
        Record(globals, 0x0042, [0xE4, 0x04]);                                    // CODEPAGE 1252
        var boundSheetAt = globals.Length;
        var name = latin.GetBytes(sheetName);
        Record(globals, 0x0085, [0, 0, 0, 0, 0, 0, (byte)name.Length, .. name]);  // BOUNDSHEET, offset patched below
        Record(globals, 0x000A, []);                                              // EOF

        var sheet = new MemoryStream();
        Record(sheet, 0x0809, [0x00, 0x05, 0x10, 0x00, 0, 0, 0, 0]);             // BOF: worksheet
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = new byte[6];
                BinaryPrimitives.WriteUInt16LittleEndian(cell, (ushort)r);
                BinaryPrimitives.WriteUInt16LittleEndian(cell.AsSpan(2), (ushort)c);
                if (rows[r][c] is double number)
                {
                    var value = new byte[8];
                    BinaryPrimitives.WriteDoubleLittleEndian(value, number);
                    Record(sheet, 0x0203, [.. cell, .. value]);                   // NUMBER
                }
                else
                {
                    var text = latin.GetBytes(Convert.ToString(rows[r][c], System.Globalization.CultureInfo.InvariantCulture) ?? "");
                    Record(sheet, 0x0204, [.. cell, (byte)text.Length, (byte)(text.Length >> 8), .. text]); // LABEL
                }
            }
        }
        Record(sheet, 0x000A, []);

        var book = globals.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(book.AsSpan((int)boundSheetAt + 4), (uint)book.Length);
        return [.. book, .. sheet.ToArray()];
    }

    private static void Record(Stream stream, ushort type, byte[] data)
    {
        Span<byte> header = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(header, type);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], (ushort)data.Length);
        stream.Write(header);
        stream.Write(data);
    }
}
