using System.Buffers.Binary;

namespace Electrochem.IO.Cycling;

/// <summary>
/// One record of a version 17 <c>data_runInfo.ndc</c>: the step time, the step's capacities and energies, the record
/// interval, the clock, the step (its position in the step file) and the main-data record it belongs to. Neware
/// writes one such record for some of the main-data records only (here one a minute), and two at each step's ends.
/// </summary>
internal readonly record struct NdaxRunInfo(
    double StepTimeMilliseconds,
    float ChargeAh,
    float DischargeAh,
    float ChargeWh,
    float DischargeWh,
    int IntervalMilliseconds,
    double UnixSeconds,
    int Step,
    long Index)
{
    /// <summary>Reads a 100-byte record: step time (int32, ms) at 0; charge and discharge capacity (float32, A·h) at 5 and 9; charge and discharge energy (float32, W·h) at 13 and 17; record interval (int32, ms) at 29; Unix time (uint32, s) at 33; step (int32) at 37; record index (uint32) at 41; milliseconds of the clock (uint16) at 45.</summary>
    internal static NdaxRunInfo Read(ReadOnlySpan<byte> r) => new(
        BinaryPrimitives.ReadInt32LittleEndian(r),
        BinaryPrimitives.ReadSingleLittleEndian(r[5..]),
        BinaryPrimitives.ReadSingleLittleEndian(r[9..]),
        BinaryPrimitives.ReadSingleLittleEndian(r[13..]),
        BinaryPrimitives.ReadSingleLittleEndian(r[17..]),
        BinaryPrimitives.ReadInt32LittleEndian(r[29..]),
        BinaryPrimitives.ReadUInt32LittleEndian(r[33..]) + (BinaryPrimitives.ReadUInt16LittleEndian(r[45..]) / 1000.0),
        BinaryPrimitives.ReadInt32LittleEndian(r[37..]),
        BinaryPrimitives.ReadUInt32LittleEndian(r[41..]));
}
