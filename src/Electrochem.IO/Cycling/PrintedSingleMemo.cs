namespace Electrochem.IO.Cycling;

/// <summary>
/// The printed decimals of the Singles met so far in one read (<see cref="PrintedSingle.Widen(float)"/>), remembered
/// by their bits in a fixed table of <see cref="Entries"/> slots (512 KiB), one value a slot, the latest one kept: a
/// cycler records the same voltages and currents again and again (the real BTS 8.5 file holds 35,379 distinct voltages
/// in 252,951 records), and a lookup costs a fraction of a widening. A slot holds the exact bits it answers for, so the
/// result is always <see cref="PrintedSingle.Widen(float)"/>'s; an empty slot (all zero) answers correctly for +0.
/// Not thread-safe: one per read.
/// </summary>
internal sealed class PrintedSingleMemo
{
    /// <summary>The slots (a power of two).</summary>
    internal const int Entries = 1 << 15;

    private readonly (int Bits, double Value)[] _slots = new (int, double)[Entries];

    /// <summary>The printed decimal of the Single whose bits are <paramref name="bits"/>.</summary>
    internal double Widen(int bits)
    {
        ref (int Bits, double Value) slot = ref _slots[(int)(unchecked((uint)bits * 0x9E3779B1u) >> 17)];
        if (slot.Bits != bits)
        {
            slot = (bits, PrintedSingle.Widen(BitConverter.Int32BitsToSingle(bits)));
        }

        return slot.Value;
    }
}
