using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Electrochem.Cli.Demo;

/// <summary>
/// The demo's synthetic cycling records (ISPN-PTA cells): galvanostatic cycles written with Arbin's column names
/// (<c>Data_Point, Test_Time(s), Step_Time(s), Step_Index, Cycle_Index, Current(A), Voltage(V),
/// Charge_Capacity(Ah), Discharge_Capacity(Ah)</c>) after two comment lines saying they are synthetic; three rows per
/// constant-current step (start, middle, end), accumulators reset per cycle, active mass <see cref="MassGrams"/>.
/// Each cycle's discharge capacity follows the paper's values with seeded scatter; its charge is discharge / CE.
/// </summary>
internal static class CyclingDemoData
{
    /// <summary>Active mass of every demo cell (g): 3.0 mg.</summary>
    internal const double MassGrams = 0.003;

    /// <summary>Nominal capacity of the LFP cells (A·h): 170 mA·h/g × 3 mg.</summary>
    internal const double LfpNominalAmpereHours = 170e-3 * MassGrams;

    /// <summary>Nominal capacity of the NCM622 cells (A·h): 175 mA·h/g × 3 mg.</summary>
    internal const double NcmNominalAmpereHours = 175e-3 * MassGrams;

    internal const string Lfp2CFile = "ispn-pta-lfp-li-2C-cycling.csv";
    internal const string Lfp10CFile = "ispn-pta-lfp-li-10C-checkups.csv";
    internal const string Ncm5CFile = "ispn-pta-ncm622-li-5C-cycling.csv";
    internal const string LfpRateFile = "ispn-pta-lfp-li-rate.csv";
    internal const string NcmRateFile = "ispn-pta-ncm622-li-rate.csv";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The five files, seeded from <paramref name="seed"/> + 12 … 16.</summary>
    internal static ImmutableArray<DemoDataFile> Generate(ulong seed) =>
    [
        Write(Lfp2CFile, "LFP|Li at 2 C, 1300 cycles: 132 mAh/g falling to 87.51 % at cycle 1300, CE 99.9 %", Lfp2C(), LfpNominalAmpereHours, new SplitMix64(seed + 12), 12, seed),
        Write(Lfp10CFile, "LFP|Li at 10 C with five 1 C check-ups every 50 cycles: 79.57 % after 850 cycles at 10 C", Lfp10C(), LfpNominalAmpereHours, new SplitMix64(seed + 13), 13, seed),
        Write(Ncm5CFile, "NCM622|Li: three 1 C activation cycles (160.1 mAh/g), then 165 cycles at 5 C from 149.9 to 146.1 mAh/g", Ncm5C(), NcmNominalAmpereHours, new SplitMix64(seed + 14), 14, seed, scatter: 0.0002),
        Write(LfpRateFile, "LFP|Li rate test: five cycles each at 2, 5, 9, 12, 16, 20 C (139 ... 81.9 mAh/g), then five at 2 C", Rates([2, 5, 9, 12, 16, 20], [139, 124, 108.9, 99, 89.2, 81.9], 137.5), LfpNominalAmpereHours, new SplitMix64(seed + 15), 15, seed),
        Write(NcmRateFile, "NCM622|Li rate test: five cycles each at 1, 3, 6, 9, 12 C (165 ... 143.3 mAh/g), then five at 1 C", Rates([1, 3, 6, 9, 12], [165, 157.5, 151.5, 147.1, 143.3], 163.8), NcmNominalAmpereHours, new SplitMix64(seed + 16), 16, seed),
    ];

    /// <summary>One planned cycle: its C-rate, discharge capacity (mA·h/g) and coulombic efficiency.</summary>
    private readonly record struct Plan(double CRate, double Capacity, double Efficiency);

    private static IEnumerable<Plan> Lfp2C()
    {
        for (int n = 1; n <= 1300; n++)
        {
            yield return new Plan(2, 132 * (1 - ((1 - 0.8751) * (n - 1) / 1299.0)), 0.999);
        }
    }

    private static IEnumerable<Plan> Lfp10C()
    {
        int series = 0;
        for (int block = 0; block < 17; block++)
        {
            for (int k = 0; k < 50; k++, series++)
            {
                yield return new Plan(10, 105 * (1 - ((1 - 0.7957) * series / 849.0)), 0.998);
            }

            for (int k = 0; k < 5; k++)
            {
                yield return new Plan(1, 145 * (1 - (0.1 * series / 849.0)), 0.998);
            }
        }
    }

    private static IEnumerable<Plan> Ncm5C()
    {
        for (int n = 0; n < 3; n++)
        {
            yield return new Plan(1, 160.1, 0.95 + (0.015 * n));
        }

        for (int n = 0; n < 165; n++)
        {
            yield return new Plan(5, 149.9 - (3.8 * n / 164.0), 0.997);
        }
    }

    private static IEnumerable<Plan> Rates(double[] rates, double[] capacities, double returned)
    {
        for (int r = 0; r < rates.Length; r++)
        {
            for (int k = 0; k < 5; k++)
            {
                yield return new Plan(rates[r], capacities[r], 0.997);
            }
        }

        for (int k = 0; k < 5; k++)
        {
            yield return new Plan(rates[0], returned, 0.998);
        }
    }

    /// <summary>
    /// Writes the cycles: discharge = plan × (1 + s·z) with s = 0.002 (0.0002 for the 5 C NCM622 file, whose two
    /// published capacities are the point), CE = plan + 0.0003·z (capped at 1), charge = discharge /
    /// CE; voltage 3.2 → 3.6 V on charge and 3.5 → 3.1 V on discharge (LFP-like; only the capacities matter here).
    /// </summary>
    private static DemoDataFile Write(string name, string what, IEnumerable<Plan> plans, double nominal, SplitMix64 random, int seedOffset, ulong seed, double scatter = 0.002)
    {
        var text = new StringBuilder();
        text.Append("# SYNTHETIC example data, not measurements. Generated by src/Electrochem.Cli/Demo/CyclingDemoData.cs\n");
        text.Append(Invariant, $"# (SplitMix64 seed {seed} + {seedOffset}) from values reported in {ReferenceStudy.Citation}: {what}; active mass {MassGrams * 1000} mg.\n");
        text.Append("Data_Point,Test_Time(s),Step_Time(s),Step_Index,Cycle_Index,Current(A),Voltage(V),Charge_Capacity(Ah),Discharge_Capacity(Ah)\n");
        int point = 0, step = 0, cycle = 0;
        double time = 0;
        foreach (Plan plan in plans)
        {
            cycle++;
            double discharge = plan.Capacity * 1e-3 * MassGrams * (1 + (scatter * random.NextStandardNormal()));
            double efficiency = Math.Min(1, plan.Efficiency + (0.0003 * random.NextStandardNormal()));
            double charge = discharge / efficiency;
            double current = plan.CRate * nominal;
            foreach ((double sign, double capacity) in new[] { (1.0, charge), (-1.0, discharge) })
            {
                step++;
                double duration = capacity / current * 3600;
                for (int r = 0; r <= 2; r++)
                {
                    double since = duration * r / 2;
                    double passed = current * since / 3600;
                    double voltage = sign > 0 ? 3.2 + (0.2 * r) : 3.5 - (0.2 * r);
                    text.Append(Invariant, $"{++point},{time + since:0.###},{since:0.###},{step},{cycle},{sign * current:G6},{voltage:0.0###},{(sign > 0 ? passed : charge):G8},{(sign > 0 ? 0 : passed):G8}\n");
                }

                time += duration;
            }
        }

        return new DemoDataFile(name, text.ToString());
    }
}
