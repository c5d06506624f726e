using System.Globalization;
using Electrochem.Constants;

namespace Electrochem.Benchmarks;

/// <summary>
/// Fixed, seeded data for every benchmark, so each run (and each competitor within a run) fits exactly the same
/// numbers. Noise is Gaussian from a Box–Muller transform of <see cref="Random"/> with a fixed seed.
/// </summary>
public static class SyntheticData
{
    public const int Seed = 20260101;

    /// <summary>True Arrhenius parameters: σ = A·exp(−Ea/(k_B·T)), A in S/cm, Ea in eV.</summary>
    public const double ArrheniusA = 1.0e3;
    public const double ArrheniusEa = 0.30;

    /// <summary>True VTF parameters: σ = A·T^(−1/2)·exp(−B/(T − T0)).</summary>
    public const double VtfA = 50.0;
    public const double VtfB = 1000.0;
    public const double VtfT0 = 180.0;

    /// <summary>True decay parameters: y = a·exp(−t/τ) + c.</summary>
    public const double DecayA = 5.0;
    public const double DecayTau = 2.0;
    public const double DecayC = 0.5;

    public const double KB = PhysicalConstants.BoltzmannConstantInElectronVoltsPerKelvin;

    /// <summary>N temperatures uniform in [250, 400] K with 2 % log-normal scatter on σ.</summary>
    public static (double[] T, double[] Sigma) Arrhenius(int n)
    {
        var random = new Random(Seed);
        var t = new double[n];
        var sigma = new double[n];
        for (int i = 0; i < n; i++)
        {
            t[i] = 250 + (150 * random.NextDouble());
            sigma[i] = ArrheniusA * Math.Exp(-ArrheniusEa / (KB * t[i])) * Math.Exp(0.02 * Gaussian(random));
        }

        return (t, sigma);
    }

    /// <summary>N temperatures uniform in [250, 400] K (T0 = 180 K) with 2 % log-normal scatter on σ.</summary>
    public static (double[] T, double[] Sigma) Vtf(int n)
    {
        var random = new Random(Seed + 1);
        var t = new double[n];
        var sigma = new double[n];
        for (int i = 0; i < n; i++)
        {
            t[i] = 250 + (150 * random.NextDouble());
            sigma[i] = VtfA / Math.Sqrt(t[i]) * Math.Exp(-VtfB / (t[i] - VtfT0)) * Math.Exp(0.02 * Gaussian(random));
        }

        return (t, sigma);
    }

    /// <summary>N times evenly spaced over [0, 10] with additive Gaussian noise of SD 0.05.</summary>
    public static (double[] T, double[] Y) Decay(int n)
    {
        var random = new Random(Seed + 2);
        var t = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            t[i] = 10.0 * i / (n - 1);
            y[i] = (DecayA * Math.Exp(-t[i] / DecayTau)) + DecayC + (0.05 * Gaussian(random));
        }

        return (t, y);
    }

    public static string Format(double value) => value.ToString("G10", CultureInfo.InvariantCulture);

    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>
    /// An Arbin-style CSV export of constant-current cycling (1 s records, ±2 A between 3.0 and 4.2 V, accumulating
    /// capacities and energies, a noisy temperature): the 15 numeric columns of Arbin's Channel_Normal_Table, written
    /// as Arbin writes them (times to 0.1 ms, counters as integers, measured values in single precision, like beep's
    /// Arbin test files). Seeded, so every run reads the same bytes.
    /// </summary>
    public static void WriteArbinCsv(string path, int rows)
    {
        var random = new Random(Seed);
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 20);
        writer.WriteLine("Data_Point,Test_Time(s),DateTime,Step_Time(s),Step_Index,Cycle_Index,Current(A),Voltage(V),Charge_Capacity(Ah),Discharge_Capacity(Ah),Charge_Energy(Wh),Discharge_Energy(Wh),dV/dt(V/s),Internal_Resistance(Ohm),Temperature(C)");
        double qc = 0, qd = 0, ec = 0, ed = 0, voltage = 3.0, stepStart = 0;
        int step = 1, cycle = 1;
        const double start = 1_494_645_243.4715;
        Span<char> buffer = stackalloc char[32];
        for (int i = 0; i < rows; i++)
        {
            double t = i + (random.NextDouble() * 1e-3);
            double current = step == 1 ? 2.0 : -2.0;
            double previous = voltage;
            voltage += (current > 0 ? 1 : -1) * 2.0e-4 + (random.NextDouble() - 0.5) * 1e-5;
            double dq = Math.Abs(current) / 3600;
            if (current > 0) { qc += dq; ec += dq * voltage; } else { qd += dq; ed += dq * voltage; }
            if (voltage >= 4.2 && step == 1) { step = 2; stepStart = t; }
            else if (voltage <= 3.0 && step == 2) { step = 1; stepStart = t; cycle++; qc = qd = ec = ed = 0; }
            double[] values = [i + 1, t, start + t, t - stepStart, step, cycle, current, voltage, qc, qd, ec, ed, voltage - previous, 0.0123 + (random.NextDouble() * 1e-4), 25 + random.NextDouble()];
            for (int c = 0; c < values.Length; c++)
            {
                if (c > 0)
                {
                    writer.Write(',');
                }

                // As Arbin writes them: times to 0.1 ms, counters as integers, measured values in single precision.
                int written;
                if (c is 1 or 2 or 3)
                {
                    values[c].TryFormat(buffer, out written, "F4", CultureInfo.InvariantCulture);
                }
                else
                {
                    ((float)values[c]).TryFormat(buffer, out written, "R", CultureInfo.InvariantCulture);
                }

                writer.Write(buffer[..written]);
            }

            writer.WriteLine();
        }
    }

    /// <summary>
    /// A cycling recording: per cycle 2 000 rows of 1 A charge ramping 3.0 → 4.2 V, 500 rows of a 4.2 V hold with the
    /// current decaying, 250 of rest, 2 000 of 1 A discharge, 250 of rest; 1 s apart; Arbin-style accumulators reset
    /// per cycle; step and cycle counters.
    /// </summary>
    public static Electrochem.Cycling.CyclerRecording Cycling(int cycles)
    {
        const int perCycle = 5000;
        int n = cycles * perCycle;
        double[] t = new double[n], i = new double[n], v = new double[n], step = new double[n], cycle = new double[n], qc = new double[n], qd = new double[n];
        int row = 0;
        for (int c = 1; c <= cycles; c++)
        {
            double charged = 0, discharged = 0;
            for (int k = 0; k < perCycle; k++, row++)
            {
                (double current, double voltage, int s) = k switch
                {
                    < 2000 => (1.0, 3.0 + (1.2 * k / 2000), 1),
                    < 2500 => (Math.Exp(-(k - 2000) / 100.0), 4.2, 2),
                    < 2750 => (0.0, 4.1, 3),
                    < 4750 => (-1.0, 4.0 - (1.0 * (k - 2750) / 2000), 4),
                    _ => (0.0, 3.1, 5),
                };
                charged += Math.Max(current, 0) / 3600;
                discharged += Math.Max(-current, 0) / 3600;
                t[row] = row;
                i[row] = current;
                v[row] = voltage;
                step[row] = ((c - 1) * 5) + s;
                cycle[row] = c;
                qc[row] = charged;
                qd[row] = discharged;
            }
        }

        Electrochem.Cycling.RecordingColumn Column(Electrochem.Cycling.RecordingQuantity q, double[] values) =>
            new(Electrochem.Cycling.RecordingQuantities.CanonicalName(q), q, Electrochem.Cycling.RecordingQuantities.Unit(q), values, Electrochem.Cycling.ColumnOrigin.AsWritten(q.ToString(), null));

        return Electrochem.Cycling.CyclerRecording.Create("synthetic", "generated", Electrochem.Cycling.RecordingMetadata.Empty,
        [
            Column(Electrochem.Cycling.RecordingQuantity.TestTime, t), Column(Electrochem.Cycling.RecordingQuantity.Current, i),
            Column(Electrochem.Cycling.RecordingQuantity.Voltage, v), Column(Electrochem.Cycling.RecordingQuantity.StepIndex, step),
            Column(Electrochem.Cycling.RecordingQuantity.CycleIndex, cycle), Column(Electrochem.Cycling.RecordingQuantity.ChargeCapacity, qc),
            Column(Electrochem.Cycling.RecordingQuantity.DischargeCapacity, qd),
        ]);
    }
}
