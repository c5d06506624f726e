using System.Buffers.Binary;
using Electrochem.IO.Cycling;
using Electrochem.IO.Cycling.Jet;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>
/// The fast Single → printed-decimal conversion (<see cref="PrintedSingle.Widen"/>) against its definition
/// (<see cref="PrintedSingle.WidenByText"/>: format with 8 or 9 significant digits, parse back): bit for bit on every
/// Single stored in both bundled Arbin files, on a sweep over every binary exponent, on random bit patterns over the whole range, on short decimals (what
/// cyclers write) and on ties, where the rounding of the exact value decides.
/// </summary>
public sealed class PrintedSingleTests
{
    [Theory]
    [InlineData(ArbinResTests.HalfCell, 61_566)]
    [InlineData(ArbinResTests.FullCell, 157_716)]
    public void Every_Single_of_a_real_file_widens_as_its_text_does(string name, int normalTableSingles)
    {
        string path = CyclingFiles.Cellpy(name + ".res");
        using FileStream stream = File.OpenRead(path);
        JetFile file = JetFile.Open(stream, path);
        int singles = 0;
        foreach ((string table, int page) in JetCatalog.Tables(file, CancellationToken.None))
        {
            JetTable definition = JetTable.Read(file, table, page);
            JetColumn[] floats = [.. definition.Columns.Where(c => c.Type == JetColumnType.Float && c.IsFixed)];
            int tableSingles = 0;
            definition.ForEachRow(
                row =>
                {
                    foreach (JetColumn column in floats)
                    {
                        if (row.TryGetFixed(column, 4, out ReadOnlySpan<byte> bytes))
                        {
                            Same(BinaryPrimitives.ReadSingleLittleEndian(bytes));
                            tableSingles++;
                        }
                    }
                },
                CancellationToken.None);
            singles += tableSingles;
            if (table == "Channel_Normal_Table")
            {
                Assert.Equal(normalTableSingles, tableSingles);
            }
        }

        Assert.True(singles >= normalTableSingles);
    }

    [Property(MaxTest = 200)]
    public Property Random_bit_patterns_widen_as_their_text_does(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < 2_000; i++)
        {
            Same(BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue)));
        }

        return true.ToProperty();
    }

    [Property(MaxTest = 200)]
    public Property Short_decimals_and_their_neighbours_widen_as_their_text_does(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < 2_000; i++)
        {
            // A decimal of 1 to 9 digits times a power of ten, as a cycler writes a reading; then the Singles around it.
            double mantissa = random.NextInt64(1, 1_000_000_000) / Math.Pow(10, random.Next(10));
            float value = (float)(mantissa * Math.Pow(10, random.Next(-40, 39)) * (random.Next(2) == 0 ? 1 : -1));
            Same(value);
            Same(MathF.BitIncrement(value));
            Same(MathF.BitDecrement(value));
        }

        return true.ToProperty();
    }

    [Fact]
    public void Special_values_ties_and_powers_of_ten_widen_as_their_text_does()
    {
        float[] values =
        [
            0f, -0f, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue, 1f, 0.1f, 0.5f, 3.4762011f,
            2345678.25f, 2345678.75f, 1234567.5f, 0.125f, 8388609f, 16777216f, 1.00000005f, 9999999.5f, 99999995f,
        ];
        foreach (float value in values)
        {
            Same(value);
        }

        for (int e = -45; e <= 38; e++)
        {
            float power = (float)Math.Pow(10, e);
            Same(power);
            Same(MathF.BitIncrement(power));
            Same(MathF.BitDecrement(power));
        }

        Assert.True(double.IsNaN(PrintedSingle.Widen(float.NaN)));
        Assert.Equal(double.PositiveInfinity, PrintedSingle.Widen(float.PositiveInfinity));
        Assert.Equal(3.4762011, PrintedSingle.Widen(3.4762011f));
    }

    [Fact]
    public void A_sweep_over_every_binary_exponent_widens_as_its_printed_decimal()
    {
        for (long bits = 0; bits <= uint.MaxValue; bits += 65_537)
        {
            Same(BitConverter.Int32BitsToSingle((int)(uint)bits));
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
        Assert.Equal(stored.Select(PrintedSingle.WidenByText), values);
    }

    [Fact]
    public void A_memo_answers_bit_for_bit_as_widening_each_value()
    {
        // More distinct values than slots, each met twice, so slots are filled, reused and overwritten; 0 and −0 first (an empty slot answers for +0).
        var random = new Random(12);
        int[] bits = [0, int.MinValue, .. Enumerable.Range(0, 3 * PrintedSingleMemo.Entries).Select(_ => random.Next(int.MinValue, int.MaxValue))];
        var memo = new PrintedSingleMemo();
        foreach (int b in bits.Concat(bits))
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(PrintedSingle.Widen(BitConverter.Int32BitsToSingle(b))), BitConverter.DoubleToInt64Bits(memo.Widen(b)));
        }

        byte[] records = new byte[bits.Length * 4];
        for (int i = 0; i < bits.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(records.AsSpan(i * 4), bits[i]);
        }

        double[] withMemo = new double[bits.Length], without = new double[bits.Length];
        PrintedSingle.Widen(records, 4, 0, withMemo, memo);
        PrintedSingle.Widen(records, 4, 0, without);
        Assert.Equal(without.Select(BitConverter.DoubleToInt64Bits), withMemo.Select(BitConverter.DoubleToInt64Bits));
    }

    private static void Same(float value)
    {
        double expected = PrintedSingle.WidenByText(value);
        double actual = PrintedSingle.Widen(value);
        Assert.True(
            BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual) || (double.IsNaN(expected) && double.IsNaN(actual)),
            $"{value:R} (bits 0x{BitConverter.SingleToInt32Bits(value):X8}): {actual:R}, expected {expected:R}");
    }
}
