using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;

namespace Electrochem.IO.Cycling;

/// <summary>
/// A Single (32-bit float) as the decimal its vendor's software prints (Access and mdb-export for Arbin, BTS for
/// Neware): 8 significant digits (3.4762011 for the
/// stored 3.47620105743…), or 9 in the rare case 8 do not identify the stored value — so a value read from a binary
/// file equals the value read from a text export of the same table, and always converts back to the Single that was
/// stored. <see cref="Widen(float)"/> finds the digits with a few floating-point operations and no text;
/// <see cref="WidenByText"/> is the definition (format, parse, check), used where the fast path cannot decide.
/// </summary>
internal static class PrintedSingle
{
    /// <summary>Powers of ten exactly representable as doubles (10^0 … 10^22).</summary>
    private static readonly ImmutableArray<double> Powers =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>
    /// How far (in units of the last digit) the scaled value must be from a rounding midpoint for the fast path to
    /// trust its rounding: the scaled value carries a relative error below 3 × 2^-53, at most 3e-7 of a unit at 9
    /// digits, so 1e-6 leaves a wide margin.
    /// </summary>
    private const double Margin = 1e-6;

    /// <summary>The Single as its printed decimal (see the class summary); identical to <see cref="WidenByText"/> for every input.</summary>
    internal static double Widen(float value)
    {
        if (value == 0 || !float.IsFinite(value))
        {
            return value;
        }

        double magnitude = Math.Abs((double)value);
        // floor(log10(magnitude)) from the binary exponent (e·log10 2, as 78913/2^18): right or one too small, which
        // TryDigits corrects. A subnormal's exponent field reads far too small, and TryDigits then declines.
        int binary = ((BitConverter.SingleToInt32Bits(value) >> 23) & 0xFF) - 127;
        int exponent = (binary * 78913) >> 18;
        for (int digits = 8; digits <= 9; digits++)
        {
            if (!TryDigits(magnitude, ref exponent, digits, out double widened))
            {
                return WidenByText(value);
            }

            if ((float)widened == Math.Abs(value))
            {
                return value < 0 ? -widened : widened;
            }
        }

        return value;
    }

    /// <summary>
    /// Widens the little-endian Single at <paramref name="offset"/> of each of the <paramref name="values"/>.Length
    /// records of <paramref name="recordSize"/> bytes; a value equal to the one before it reuses its result, and any
    /// other is looked up in <paramref name="memo"/> when one is given (the result is the same either way).
    /// </summary>
    internal static void Widen(ReadOnlySpan<byte> records, int recordSize, int offset, Span<double> values, PrintedSingleMemo? memo = null)
    {
        if (values.IsEmpty)
        {
            return;
        }

        ReadOnlySpan<byte> all = records[..(((values.Length - 1) * recordSize) + offset + sizeof(float))];
        int previous = BinaryPrimitives.ReadInt32LittleEndian(all[offset..]);
        double widened = memo is null ? Widen(BitConverter.Int32BitsToSingle(previous)) : memo.Widen(previous);
        values[0] = widened;
        for (int r = 1, at = offset + recordSize; r < values.Length; r++, at += recordSize)
        {
            int bits = BinaryPrimitives.ReadInt32LittleEndian(all[at..]);
            if (bits != previous)
            {
                previous = bits;
                widened = memo is null ? Widen(BitConverter.Int32BitsToSingle(bits)) : memo.Widen(bits);
            }

            values[r] = widened;
        }
    }

    /// <summary>
    /// The definition: the Single formatted with 8 significant digits ("G8") and parsed back as a double, or with 9
    /// when 8 do not convert back to the stored Single, or the Single itself when neither does.
    /// </summary>
    internal static double WidenByText(float value)
    {
        if (!float.IsFinite(value))
        {
            return value;
        }

        Span<char> text = stackalloc char[32];
        foreach (string format in (ReadOnlySpan<string>)["G8", "G9"])
        {
            if (value.TryFormat(text, out int written, format, CultureInfo.InvariantCulture)
                && double.TryParse(text[..written], NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed)
                && (float)parsed == value)
            {
                return parsed;
            }
        }

        return value;
    }

    /// <summary>
    /// <paramref name="magnitude"/> (positive) rounded to <paramref name="digits"/> significant digits and read back
    /// as the nearest double, when exact powers of ten and a rounding decision far from a midpoint make that certain;
    /// false otherwise (the caller then asks <see cref="WidenByText"/>). <paramref name="exponent"/> is
    /// floor(log10(magnitude)) or one less, and is corrected.
    /// </summary>
    private static bool TryDigits(double magnitude, ref int exponent, int digits, out double widened)
    {
        widened = 0;
        double low = Powers[digits - 1];
        double high = Powers[digits];
        double scaled = 0;
        for (int attempt = 0; attempt < 2; attempt++)
        {
            int scale = digits - 1 - exponent;            // magnitude × 10^scale lies in [10^(digits−1), 10^digits)
            if (Math.Abs(scale) > 22)
            {
                return false;
            }

            scaled = scale >= 0 ? magnitude * Powers[scale] : magnitude / Powers[-scale];
            if (scaled < high)
            {
                break;
            }

            exponent++;
        }

        // Rounding is monotonic and the bounds are exact, so a scaled value inside them has the right exponent.
        if (scaled < low || scaled >= high)
        {
            return false;
        }

        double whole = Math.Floor(scaled);
        double fraction = scaled - whole;
        if (Math.Abs(fraction - 0.5) < Margin)
        {
            // Too close to a tie to know which way the exact value rounds.
            return false;
        }

        double rounded = fraction > 0.5 ? whole + 1 : whole;
        int power = exponent - (digits - 1);          // the printed value is rounded × 10^power
        if (rounded >= high)
        {
            rounded /= 10;
            power++;
        }

        if (Math.Abs(power) > 22)
        {
            return false;
        }

        widened = power >= 0 ? rounded * Powers[power] : rounded / Powers[-power];
        return true;
    }
}
