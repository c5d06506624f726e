using Electrochem.Constants;
using Electrochem.Fitting;
using Electrochem.Voltammetry;

namespace Electrochem.Tests.Voltammetry;

public sealed class CyclicVoltammetryTests
{
    /// <summary>Cycles between 2.5 and 4.3 V at 1 mV steps: a sloping baseline plus Gaussian peaks at 3.95 V (anodic) and 3.85 V (cathodic).</summary>
    private static (double[] E, double[] I, double[] T) Cv(int cycles, double anodicHeight = 2e-4, double cathodicHeight = -1.6e-4)
    {
        var e = new List<double>();
        var i = new List<double>();
        for (int c = 0; c < cycles; c++)
        {
            double scale = c == 0 ? 1.3 : 1.0; // the first cycle differs, as real first cycles do
            for (double v = 2.5; v < 4.3; v += 0.001)
            {
                e.Add(v);
                i.Add(2e-6 + (1e-6 * (v - 2.5)) + (scale * anodicHeight * Math.Exp(-Math.Pow((v - 3.95) / 0.04, 2))));
            }

            for (double v = 4.3; v > 2.5; v -= 0.001)
            {
                e.Add(v);
                i.Add(-2e-6 - (1e-6 * (4.3 - v)) + (scale * cathodicHeight * Math.Exp(-Math.Pow((v - 3.85) / 0.04, 2))));
            }
        }

        return ([.. e], [.. i], [.. Enumerable.Range(0, e.Count).Select(k => (double)k)]);
    }

    [Fact]
    public void Peaks_stand_above_their_baselines_with_separation_and_ratio()
    {
        (double[] e, double[] i, double[] t) = Cv(3);
        CyclicVoltammogram cv = CyclicVoltammogram.Analyse(e, i, t);
        Assert.Equal(3, cv.Cycles);
        Assert.Equal(2, cv.Cycle); // the last complete cycle by default
        Assert.Equal(3.95, cv.Anodic!.PotentialVolts, 0.0011);
        Assert.Equal(3.85, cv.Cathodic!.PotentialVolts, 0.0011);
        Assert.Equal(2e-4, cv.Anodic.HeightAmperes, 2e-8);     // the baseline 2 µA + 1 µA/V·(E − 2.5) is removed
        Assert.Equal(-1.6e-4, cv.Cathodic.HeightAmperes, 2e-8);
        Assert.Equal(0.1, cv.PeakSeparationVolts!.Value, 0.0021);
        Assert.Equal(0.8, cv.PeakCurrentRatio!.Value, 1e-3);
        Assert.Equal(0.001, cv.ScanRateVoltsPerSecond!.Value, 1e-5);
        Assert.Equal(2.6e-4, CyclicVoltammogram.Analyse(e, i, t, cycle: 0).Anodic!.HeightAmperes, 3e-8);
    }

    [Fact]
    public void A_sweep_without_a_peak_says_so_and_a_missing_cycle_is_refused()
    {
        (double[] e, double[] i, _) = Cv(1, anodicHeight: 0);
        double[] rising = [.. e.Select((v, k) => i[k] + (k < e.Length / 2 ? 1e-5 * Math.Exp((v - 4.3) / 0.05) : 0))];
        CyclicVoltammogram cv = CyclicVoltammogram.Analyse(e, rising);
        Assert.Null(cv.Anodic);
        Assert.Null(cv.PeakSeparationVolts);
        Assert.Contains(cv.Notes, n => n.Contains("no anodic peak", StringComparison.Ordinal));
        Assert.Throws<ArgumentOutOfRangeException>(() => CyclicVoltammogram.Analyse(e, rising, default, cycle: 3));
        double[] oneWay = [.. Enumerable.Range(0, 100).Select(k => 3 + (0.01 * k))];
        Assert.Contains("no complete cycle", Assert.Throws<ArgumentException>(() => CyclicVoltammogram.Analyse(oneWay, new double[100])).Message, StringComparison.Ordinal);
    }

    // A 3 mm disc (7.07e-6 m²), 1 mM, n = 1, 298.15 K, D = 1e-9 m²/s.
    private const double Area = 7.0686e-6, Concentration = 1.0, T = 298.15, D = 1e-9;
    private static readonly double[] Rates = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5];

    private static double PeakCurrent(double v) =>
        RandlesSevcik.ReversibleCoefficient * PhysicalConstants.FaradayConstant * Area * Concentration * Math.Sqrt(PhysicalConstants.FaradayConstant * v * D / (PhysicalConstants.MolarGasConstant * T));

    [Fact]
    public void Randles_Sevcik_gives_D_back_from_its_own_peak_currents()
    {
        double[] ip = [.. Rates.Select(PeakCurrent)];
        Assert.Equal(2.6863e5 * Area * 1e4 * Math.Sqrt(D * 1e4) * (Concentration * 1e-6) * Math.Sqrt(0.1), PeakCurrent(0.1), PeakCurrent(0.1) * 2e-3); // the textbook 2.69e5·n^{3/2}·A·D^½·C·v^½ (cm, mol/cm³)
        FitResult<RandlesSevcik> line = RandlesSevcik.Fit(Rates, ip, Area, Concentration, 1, T);
        Assert.Equal(D, RandlesSevcik.Diffusion(line).Value, D * 1e-9);
        Assert.Equal(D, line.Model.DiffusionCoefficient, D * 1e-9);
        Assert.Equal(0, line.Model.InterceptAmperes, 1e-12);
        Assert.Equal(0.5, RandlesSevcik.ScanRateExponent(Rates, ip).Parameters[1].Value, 1e-12);
        Assert.Equal(1.0, RandlesSevcik.ScanRateExponent(Rates, [.. Rates.Select(v => 20e-6 * v)]).Parameters[1].Value, 1e-12); // capacitive: C·v
    }

    [Fact]
    public void The_95_percent_interval_of_D_covers_the_truth_about_95_percent_of_the_time()
    {
        // 2,000 series of six peak currents with 2 % of the largest as normal noise: binomial SD 0.49 %.
        var random = new Random(11);
        double sigma = 0.02 * PeakCurrent(Rates[^1]);
        int covered = 0;
        const int trials = 2000;
        for (int k = 0; k < trials; k++)
        {
            double[] ip = [.. Rates.Select(v => PeakCurrent(v) + (sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))];
            ParameterEstimate d = RandlesSevcik.Diffusion(RandlesSevcik.Fit(Rates, ip, Area, Concentration, 1, T));
            covered += d.ConfidenceLower <= D && D <= d.ConfidenceUpper ? 1 : 0;
        }

        Assert.InRange(covered / (double)trials, 0.935, 0.965);
    }

    [Fact]
    public void Randles_Sevcik_refuses_what_it_cannot_use()
    {
        double[] ip = [.. Rates.Select(PeakCurrent)];
        Assert.Equal("electrons", Assert.Throws<ArgumentOutOfRangeException>(() => RandlesSevcik.Fit(Rates, ip, Area, Concentration, 0, T)).ParamName);
        Assert.Throws<ArgumentException>(() => RandlesSevcik.Fit([0.01, 0.02], [1e-6, 1.4e-6], Area, Concentration, 1, T));
        Assert.Throws<ArgumentException>(() => RandlesSevcik.Fit([0.01, -0.02, 0.05], [1e-6, 1.4e-6, 2e-6], Area, Concentration, 1, T));
        Assert.Contains("non-zero", Assert.Throws<ArgumentException>(() => RandlesSevcik.ScanRateExponent([0.01, 0.02, 0.05], [1e-6, 0, 2e-6])).Message, StringComparison.Ordinal);
    }
}
