using System.Globalization;

namespace ParPipeline.Ingest;

/// <summary>
/// The two number conversions a million-row annex does once per row, without the general machinery: plain decimals
/// ("4.44", "88.68", "-3") read, and rounded scores written as UTF-8 exactly as <c>double.TryFormat</c> writes them
/// (shortest round-trip text), which the version's content hash is made of. Anything else goes the general way.
/// </summary>
public static class DecimalText
{
    // 10^0 .. 10^22 are exact doubles: an integer of at most 15 digits divided by one of them is the correctly
    // rounded value of the decimal (Clinger's fast path), the same double double.Parse gives.
    private static readonly double[] Powers = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>Reads [-+]digits[.digits] of at most 15 digits in all; false for anything else (the caller parses it the general way).</summary>
    public static bool TryParsePlain(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            i = 1;
        }
        long mantissa = 0;
        var digits = 0;
        var fraction = -1;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '0' and <= '9')
            {
                if (++digits > 15)
                {
                    return false;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (fraction >= 0)
                {
                    fraction++;
                }
            }
            else if (c == '.' && fraction < 0)
            {
                fraction = 0;
            }
            else
            {
                return false;
            }
        }
        if (digits == 0 || fraction == 0)
        {
            // "", "-", ".", "12." : left to the general reader, which knows what each means.
            return false;
        }
        value = mantissa / Powers[Math.Max(fraction, 0)];
        if (negative)
        {
            value = -value;
        }
        return true;
    }

    /// <summary>
    /// Writes <paramref name="value"/> as UTF-8, byte for byte what <c>value.TryFormat(span, out n, default,
    /// CultureInfo.InvariantCulture)</c> writes, and returns the count. The fast way is taken for values that are a
    /// whole number of hundredths below 10^13 (every rounded score); others are formatted the general way.
    /// </summary>
    public static int Format(double value, Span<byte> destination)
    {
        // The value is the double nearest to whole/100 exactly when dividing back gives it (division is correctly
        // rounded); below 10^13 no shorter decimal falls within half a unit of its last place, so whole/100, without
        // trailing zeros, is its shortest round-trip text.
        var whole = Math.Round(value * 100);
        if (Math.Abs(whole) >= 1e15 || (value == 0 && double.IsNegative(value)) || whole / 100 != value)
        {
            value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
            return written;
        }
        var n = 0;
        var k = (long)whole;
        if (k < 0)
        {
            destination[n++] = (byte)'-';
            k = -k;
        }
        var integer = k / 100;
        var cents = (int)(k % 100);
        if (integer < 1000)
        {
            // Scores are below a thousand: three digits at most, written directly.
            if (integer >= 100)
            {
                destination[n++] = (byte)('0' + integer / 100);
            }
            if (integer >= 10)
            {
                destination[n++] = (byte)('0' + integer / 10 % 10);
            }
            destination[n++] = (byte)('0' + integer % 10);
        }
        else
        {
            integer.TryFormat(destination[n..], out var integerLength, default, CultureInfo.InvariantCulture);
            n += integerLength;
        }
        if (cents != 0)
        {
            destination[n++] = (byte)'.';
            destination[n++] = (byte)('0' + cents / 10);
            if (cents % 10 != 0)
            {
                destination[n++] = (byte)('0' + cents % 10);
            }
        }
        return n;
    }
}
