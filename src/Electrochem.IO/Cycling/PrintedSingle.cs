using System.Buffers.Binary;

namespace Electrochem.IO.Cycling;

/// <summary>
/// A Single widened to the double its printed decimal reads as (<see cref="Jet.JetRow.Widen"/>: 8 significant digits,
/// 9 when 8 do not identify the stored value), without printing and parsing text for the common case: the float is
/// scaled by a power of ten to an integer of 8 digits, rounded, and scaled back with one correctly rounded division
/// or multiplication of exact operands — the same double the text round trip gives. Values where that arithmetic
/// could differ from the printed decimal (a rounding tie, or too close to one for the scaled product to be exact; a
/// magnitude outside 1e-14 … 1e14; an 8-digit decimal that does not convert back) take the text path.
/// </summary>
internal static class PrintedSingle
{
    private const int Digits = 8;
    private const double Smallest = 1e-14;
    private const double Largest = 1e14;

    /// <summary>How far from a rounding tie the scaled value must be (its error is below 1e8 · 2⁻⁵², about 2.2e-8).</summary>
    private const double TieMargin = 1e-7;

    /// <summary>10⁰ … 10²², each exact as a double.</summary>
    private static ReadOnlySpan<double> PowersOfTen =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>The value as <see cref="Jet.JetRow.Widen"/> gives it.</summary>
    internal static double Widen(float value)
    {
        if (value == 0)
        {
            return value;
        }

        double magnitude = Math.Abs((double)value);
        if (!(magnitude >= Smallest && magnitude < Largest))
        {
            return Jet.JetRow.Widen(value);
        }

        // floor(log10 |value|) is the estimate from the binary exponent or one more (78913 / 2^18 ≈ log10 2).
        int binaryExponent = ((BitConverter.SingleToInt32Bits(value) >> 23) & 0xFF) - 127;
        int decimalExponent = (binaryExponent * 78913) >> 18;
        int k = Digits - 1 - decimalExponent;
        double scaled = Scale(magnitude, k);
        if (scaled >= 1e8)
        {
            k--;
            scaled = Scale(magnitude, k);
        }

        double floor = Math.Floor(scaled);
        if (scaled < 1e7 || scaled >= 1e8 || Math.Abs(scaled - floor - 0.5) <= TieMargin)
        {
            return Jet.JetRow.Widen(value);
        }

        double digits = Math.Round(scaled);
        double widened = k >= 0 ? digits / PowersOfTen[k] : digits * PowersOfTen[-k];
        if ((float)widened != (float)magnitude)
        {
            return Jet.JetRow.Widen(value);
        }

        return value < 0 ? -widened : widened;
    }

    /// <summary>
    /// Widens the little-endian Single at <paramref name="offset"/> of each of the <paramref name="values"/>.Length
    /// records of <paramref name="recordSize"/> bytes; a value equal to the one before it reuses its result.
    /// </summary>
    internal static void Widen(ReadOnlySpan<byte> records, int recordSize, int offset, Span<double> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        ReadOnlySpan<byte> all = records[..(((values.Length - 1) * recordSize) + offset + sizeof(float))];
        int previous = BinaryPrimitives.ReadInt32LittleEndian(all[offset..]);
        double widened = Widen(BitConverter.Int32BitsToSingle(previous));
        values[0] = widened;
        for (int r = 1, at = offset + recordSize; r < values.Length; r++, at += recordSize)
        {
            int bits = BinaryPrimitives.ReadInt32LittleEndian(all[at..]);
            if (bits != previous)
            {
                previous = bits;
                widened = Widen(BitConverter.Int32BitsToSingle(bits));
            }

            values[r] = widened;
        }
    }

    private static double Scale(double magnitude, int k) => k >= 0 ? magnitude * PowersOfTen[k] : magnitude / PowersOfTen[-k];
}
