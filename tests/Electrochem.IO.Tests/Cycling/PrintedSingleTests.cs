using Electrochem.IO.Cycling;
using Electrochem.IO.Cycling.Jet;
using FsCheck.Xunit;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>The arithmetic widening of a Single gives exactly the double the text round trip (<see cref="JetRow.Widen"/>) gives.</summary>
public sealed class PrintedSingleTests
{
    [Property(MaxTest = 2000)]
    public void Any_bit_pattern_widens_as_its_printed_decimal(int bits) => Same(BitConverter.Int32BitsToSingle(bits));

    [Fact]
    public void A_sweep_over_every_binary_exponent_widens_as_its_printed_decimal()
    {
        for (long bits = 0; bits <= uint.MaxValue; bits += 65_537)
        {
            Same(BitConverter.Int32BitsToSingle((int)(uint)bits));
        }
    }

    [Fact]
    public void Cycler_readings_ties_and_edges_widen_as_their_printed_decimal()
    {
        float[] values =
        [
            0f, -0f, 1f, -1f, 3.4762011f, 4.2f, 0.1f, 1e-3f, 1234567.5f, 16777215f, 99999999f, 9.9999999e7f, 1e8f, 1e-14f, 1e14f, 9.99999e-15f,
            float.Epsilon, float.MaxValue, float.MinValue, float.NaN, float.PositiveInfinity, float.NegativeInfinity,
        ];
        foreach (float value in values)
        {
            Same(value);
        }

        var random = new Random(12);
        for (int i = 0; i < 100_000; i++)
        {
            Same((float)(random.NextDouble() * 5)); // volts
            Same((float)((random.NextDouble() - 0.5) * 2e-2)); // amperes
            Same(MathF.Round((float)(random.NextDouble() * 1e5), random.Next(0, 4))); // few digits: ties are likely
        }
    }

    [Fact]
    public void Records_widen_each_value_and_reuse_a_repeated_one()
    {
        float[] stored = [3.3f, 3.3f, -0.5f, 0.1f, 0.1f, float.NaN];
        byte[] records = new byte[stored.Length * 8];
        for (int i = 0; i < stored.Length; i++)
        {
            BitConverter.TryWriteBytes(records.AsSpan((i * 8) + 4), stored[i]);
        }

        double[] values = new double[stored.Length];
        PrintedSingle.Widen(records, 8, 4, values);
        Assert.Equal(stored.Select(JetRow.Widen), values);
    }

    private static void Same(float value)
    {
        double expected = JetRow.Widen(value);
        double actual = PrintedSingle.Widen(value);
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"{value:R} (bits {BitConverter.SingleToInt32Bits(value):X8}): the text gives {expected:R}, the arithmetic {actual:R}");
    }
}
