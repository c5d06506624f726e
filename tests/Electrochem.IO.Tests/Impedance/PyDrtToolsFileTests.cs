using Electrochem.Impedance.Drt;
using Electrochem.IO.Impedance;

namespace Electrochem.IO.Tests.Impedance;

/// <summary>pyDRTtools' spectra (MIT, copied in Data/pydrttools): pandas CSVs with an index column, and headerless text files (issue #9).</summary>
public sealed class PyDrtToolsFileTests
{
    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "pydrttools", name);

    [Theory]
    [InlineData("1ZARC.csv")]
    [InlineData("2XZARCequal.csv")]
    [InlineData("2ZARC0.csv")]
    [InlineData("2ZARC1.csv")]
    [InlineData("2ZARC2.csv")]
    [InlineData("2ZARC3.csv")]
    [InlineData("2ZARC4.csv")]
    [InlineData("2ZARC5.csv")]
    public void Pandas_spectra_read_with_their_index_column_kept(string name)
    {
        ImpedanceData data = ImpedanceFile.Read(Data(name));
        Assert.Equal(81, data.Spectrum.Count);
        Assert.Equal(1e6, data.Spectrum.Frequency.ToArray().Max(), 1e-6);
        Assert.Contains(data.OtherColumns, c => c.Header.Text == "index");
    }

    [Theory]
    [InlineData("LIB_data.txt")]
    [InlineData("LIB_data_2.txt")]
    [InlineData("negami_data.txt")]
    [InlineData("zarc_data.txt")]
    [InlineData("data_1.csv")]
    public void The_GUIs_headerless_spectra_read(string name)
    {
        ImpedanceData data = ImpedanceFile.Read(Data(name));
        Assert.True(data.Spectrum.Count > 10);
        Assert.Equal(ImpedanceFileFormat.HeaderlessCsv, data.Format);
    }

    [Fact]
    public void The_tutorials_ridge_regression_gives_its_polarisation_resistance()
    {
        // pyDRTtools' tutorial on 1ZARC.csv (Gaussian RBF, FWHM coefficient 0.5, 2nd-order penalty, Re and Im together,
        // R_∞ and L₀ fitted, λ from its GCV run): R_pol ≈ 49.89 Ω, the peak at τ₀ = 0.1 s. Our grid (101 points, one
        // decade beyond 1/ω on each side) differs from the tutorial's (81 points, τ = 1/f), so 0.05 Ω is allowed.
        ImpedanceData data = ImpedanceFile.Read(Data("1ZARC.csv"));
        DrtResult drt = DistributionOfRelaxationTimes.Compute(data.Spectrum, new DrtOptions(0.0032855335331287263));
        Assert.True(drt.Converged);
        Assert.Equal(49.89, drt.PolarizationResistance, 0.05);
        int peak = drt.GammaOnGrid.IndexOf(drt.GammaOnGrid.Max());
        Assert.InRange(Math.Abs(Math.Log(drt.Tau[peak] / 0.1)), 0, Math.Log(drt.Tau[1] / drt.Tau[0]));
        Assert.Equal(4.96e-6, drt.Inductance!.Value, 0.05e-6);   // the file's 31 Ω of jωL at 1 MHz
    }

    [Fact]
    public void The_tutorials_ridge_regression_weights_are_reproduced_on_its_grid()
    {
        // The tutorial's grid (81 τ from 1e-6 to 1e2 s) and λ: every weight within 1e-3 of the largest (pyDRTtools
        // solves by an interior-point method, which leaves ~1e-4 where the exact solution is 0; the largest difference
        // found is 5.7e-3 Ω on a peak of 9.97 Ω).
        ImpedanceData data = ImpedanceFile.Read(Data("1ZARC.csv"));
        double[] tau = [.. Enumerable.Range(0, 81).Select(i => Math.Pow(10, -6 + (i / 10.0)))];
        DrtResult drt = DistributionOfRelaxationTimes.Compute(data.Spectrum, new DrtOptions(0.0032855335331287263) { Tau = [.. tau] });
        double[] theirs = [.. File.ReadAllLines(Data(Path.Combine("tutorial-results", "1ZARC_DRT-RR.csv"))).Skip(1).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];
        Assert.Equal(81, theirs.Length);
        double largest = theirs.Max();
        for (int m = 0; m < 81; m++)
        {
            Assert.True(Math.Abs(drt.Weights[m] - theirs[m]) <= 1e-3 * largest, $"τ = {tau[m]:G3} s: {drt.Weights[m]} vs pyDRTtools {theirs[m]}");
        }
    }

    [Fact]
    public void Generalised_cross_validation_chooses_the_tutorials_lambda_with_its_score()
    {
        // The tutorial's GCV run: λ = 0.0032855335331287263, score 0.3131940300518464 (SLSQP in ln λ). Ours searches
        // ln λ to 1e-4 (so λ to 1e-3 relative); the score at the minimum is flat, so it agrees to 1e-8.
        ImpedanceData data = ImpedanceFile.Read(Data("1ZARC.csv"));
        double[] tau = [.. Enumerable.Range(0, 81).Select(i => Math.Pow(10, -6 + (i / 10.0)))];
        DrtResult drt = DistributionOfRelaxationTimes.Compute(data.Spectrum, new DrtOptions { Tau = [.. tau] });
        Assert.Equal(DrtLambdaCriterion.Gcv, drt.Criterion);
        Assert.Equal(0.0032855335331287263, drt.Lambda, 0.0032855335331287263 * 1e-3);
        DrtCriterionPoint best = drt.CriterionCurve.MinBy(point => point.Score);
        Assert.Equal(drt.Lambda, best.Lambda);
        Assert.Equal(0.3131940300518464, best.Score, 0.3131940300518464 * 1e-8);
        Assert.Equal(49.89, drt.PolarizationResistance, 0.05);
        Assert.True(drt.CriterionCurve.Select(point => point.Lambda).SequenceEqual(drt.CriterionCurve.Select(point => point.Lambda).Order()));
    }

    /// <summary>
    /// The tutorial's two-ZARC series (ZARC₁ R from 5 to 55 Ω at τ = 0.1 s, ZARC₂ 50 Ω at 10⁻⁴ s, noise σ = 0.5 Ω): with λ
    /// chosen by our GCV on the tutorial's grid, every weight agrees with the tutorial's (λ by its own GCV run) within
    /// 2 % of the largest, and the polarisation resistances within 0.5 %. Looser than the 1-ZARC case: the tutorial's λ
    /// is not stored, and even at the λ that best reproduces its weights (found by scanning, always within 12 % of our
    /// GCV λ) the largest differences stay at 0.4–1.1 % of the peak (1.3 % at our λ for 2ZARC2): pyDRTtools' interior-point
    /// QP stops at its own tolerance along the ill-determined directions of these two-peak problems.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void The_tutorials_two_zarc_weights_are_reproduced_with_lambda_by_gcv(int index)
    {
        ImpedanceData data = ImpedanceFile.Read(Data($"2ZARC{index}.csv"));
        double[] tau = [.. Enumerable.Range(0, 81).Select(i => Math.Pow(10, -6 + (i / 10.0)))];
        DrtResult drt = DistributionOfRelaxationTimes.Compute(data.Spectrum, new DrtOptions { Tau = [.. tau] });
        double[] theirs = [.. File.ReadAllLines(Data(Path.Combine("tutorial-results", $"2ZARC_DRT-RR_{index}.csv"))).Skip(1).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];
        Assert.Equal(81, theirs.Length);
        double largest = theirs.Max();
        double worst = Enumerable.Range(0, 81).Max(m => Math.Abs(drt.Weights[m] - theirs[m]));
        Assert.True(worst <= 2e-2 * largest, $"λ = {drt.Lambda}: largest difference {worst} Ω on a largest weight of {largest} Ω");
        double theirResistance = theirs.Sum() * Math.Sqrt(Math.PI) / drt.ShapeFactor;
        Assert.Equal(theirResistance, drt.PolarizationResistance, 5e-3 * theirResistance);
    }
}
