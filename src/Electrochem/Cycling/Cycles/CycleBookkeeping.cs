namespace Electrochem.Cycling;

/// <summary>
/// The running accounts of a cycle table (formulas as cellpy-core defines them; n is the cycle, Qc and Qd its charge
/// and discharge capacity in A·h, "cumulated" a running sum over the table's cycles so far, skipping undefined terms).
/// </summary>
/// <param name="CoulombicDifference">First half − second half of the convention: Qc − Qd for charge-first, Qd − Qc for discharge-first (A·h).</param>
/// <param name="CumulatedCoulombicDifference">Running sum of <paramref name="CoulombicDifference"/> (A·h).</param>
/// <param name="ChargeCapacityLoss">Qc(n−1) − Qc(n) (A·h); null for the first cycle.</param>
/// <param name="DischargeCapacityLoss">Qd(n−1) − Qd(n) (A·h); null for the first cycle.</param>
/// <param name="CumulatedChargeCapacityLoss">Running sum of <paramref name="ChargeCapacityLoss"/> (A·h); null for the first cycle.</param>
/// <param name="CumulatedDischargeCapacityLoss">Running sum of <paramref name="DischargeCapacityLoss"/> (A·h); null for the first cycle.</param>
/// <param name="CumulatedChargeCapacity">Running sum of Qc (A·h).</param>
/// <param name="CumulatedDischargeCapacity">Running sum of Qd (A·h).</param>
/// <param name="ShiftedChargeCapacity">Dahn's shifted charge capacity: the running sum of Qc − Qd (A·h), whatever the convention.</param>
/// <param name="ShiftedDischargeCapacity">Dahn's shifted discharge capacity: <paramref name="ShiftedChargeCapacity"/> + Qc(n) (A·h).</param>
/// <param name="CumulatedRic">Running sum of Gauthier's relative irreversible capacity (Qc(n−1) − Qd(n)) / Qd(n−1); null until defined.</param>
/// <param name="CumulatedRicSei">Running sum of (Qc(n) − Qd(n−1)) / Qd(n−1), the SEI part; null until defined.</param>
/// <param name="CumulatedRicDisconnect">Running sum of (Qd(n−1) − Qd(n)) / Qd(n−1), the disconnection part; null until defined.</param>
/// <param name="Throughput">Running sum of Qc + Qd (A·h).</param>
/// <param name="EquivalentFullCycles">Throughput / (2 × nominal capacity); null without a nominal capacity.</param>
public sealed record CycleBookkeeping(
    double CoulombicDifference,
    double CumulatedCoulombicDifference,
    double? ChargeCapacityLoss,
    double? DischargeCapacityLoss,
    double? CumulatedChargeCapacityLoss,
    double? CumulatedDischargeCapacityLoss,
    double CumulatedChargeCapacity,
    double CumulatedDischargeCapacity,
    double ShiftedChargeCapacity,
    double ShiftedDischargeCapacity,
    double? CumulatedRic,
    double? CumulatedRicSei,
    double? CumulatedRicDisconnect,
    double Throughput,
    double? EquivalentFullCycles);
