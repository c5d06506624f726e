using System.Buffers.Binary;

namespace Electrochem.IO.Cycling;

/// <summary>
/// One record of a version 17 <c>data_step.ndc</c>: cycle (uint32, from 0) at 0, the step's ID in the test plan
/// (uint32) at 4, its type code at 24, its start as test time (int32, ms) at 25, and its first main-data record (uint32)
/// at 33. The records are in the order the steps ran.
/// </summary>
internal readonly record struct NdaxStep(long Cycle, long StepId, int Type, double StartMilliseconds, long FirstIndex)
{
    internal static NdaxStep Read(ReadOnlySpan<byte> r) => new(
        BinaryPrimitives.ReadUInt32LittleEndian(r) + 1L,
        BinaryPrimitives.ReadUInt32LittleEndian(r[4..]),
        r[24],
        BinaryPrimitives.ReadInt32LittleEndian(r[25..]),
        BinaryPrimitives.ReadUInt32LittleEndian(r[33..]));
}
