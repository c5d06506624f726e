using Electrochem.Fitting;
using System.Numerics;
using Electrochem.Impedance;
using Electrochem.Impedance.Drt;
using Electrochem.Plotting;
using Electrochem.Plotting.Impedance;

namespace Electrochem.Plotting.Tests;

/// <summary>The impedance and DRT figures render, at the style's size, with their axis titles, units and legends.</summary>
public sealed class ImpedanceFiguresTests
{
    private static readonly ImpedanceSpectrum Spectrum = Randles();

    [Fact]
    public void Nyquist_with_a_fit_has_equal_scales_labels_and_decades()
    {
        FitResult<CircuitModel> fit = CircuitModel.Fit(Circuit.Parse("R0-p(R1,CPE1)"), Spectrum);
        Figure figure = ImpedanceFigures.Nyquist(Spectrum, fit);
        RenderedFigure.Check(figure, "Z′ (Ω)", "−Z″ (Ω)", "data", "R0-p(R1,CPE1)", "100 kHz", "100 Hz", "10 Hz", "1 Hz");
        ScottPlot.AxisLimits limits = figure.Plot.Axes.GetLimits();
        Assert.True(limits.Right > limits.Left && limits.Top > limits.Bottom);
    }

    [Fact]
    public void Bode_draws_modulus_and_phase_on_two_axes()
    {
        FitResult<CircuitModel> fit = CircuitModel.Fit(Circuit.Parse("R0-p(R1,CPE1)"), Spectrum);
        RenderedFigure.Check(ImpedanceFigures.Bode(Spectrum, fit), "f (Hz)", "|Z| (Ω)", "phase of Z (°)", "10³");
    }

    [Fact]
    public void Residuals_of_a_fit_and_of_lin_kk_render_in_percent()
    {
        FitResult<CircuitModel> fit = CircuitModel.Fit(Circuit.Parse("R0-p(R1,CPE1)"), Spectrum);
        RenderedFigure.Check(ImpedanceFigures.Residuals(Spectrum, fit), "residual (% of |Z|)", "Δ′", "Δ″", "fit of R0-p(R1,CPE1)");
        LinearKramersKronigResult kk = LinearKramersKronig.Test(Spectrum, LinearKramersKronigOptions.Default);
        RenderedFigure.Check(ImpedanceFigures.Residuals(Spectrum, kk), "Lin-KK, M = ");
    }

    [Fact]
    public void The_drt_figure_shows_gamma_its_band_and_the_lambda_sensitivity()
    {
        DrtResult drt = DistributionOfRelaxationTimes.Compute(Spectrum, new DrtOptions(1e-3) { CredibleBandSamples = 200 });
        DrtPeaksResult peaks = DrtPeaks.Find(drt);
        string area = peaks.Peaks[0].Area.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " Ω";
        RenderedFigure.Check(DrtFigures.Distribution(drt, (Spectrum.MinimumFrequency, Spectrum.MaximumFrequency), peaks), "τ = 1/(2πf) (s)", "γ (Ω)", "95 % credible band", "γ at λ/10", "γ at 10λ", "λ = 1e-3", area);
    }

    /// <summary>SVG has no dash patterns (Skia would complain on standard error), so they are drawn solid there and restored for PNG.</summary>
    [Fact]
    public void Svg_draws_dashes_solid_and_leaves_the_figure_dashed()
    {
        DrtResult drt = DistributionOfRelaxationTimes.Compute(Spectrum, new DrtOptions(1e-3));
        Figure figure = DrtFigures.Distribution(drt);
        ScottPlot.IHasLine[] dashed = [.. figure.Plot.GetPlottables().OfType<ScottPlot.IHasLine>().Where(l => !l.LineStyle.Pattern.Equals(ScottPlot.LinePattern.Solid))];
        Assert.NotEmpty(dashed);
        _ = figure.ToSvg();
        Assert.All(dashed, l => Assert.False(l.LineStyle.Pattern.Equals(ScottPlot.LinePattern.Solid)));
    }

    [Fact]
    public void Bad_input_and_a_wrong_extension_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ImpedanceFigures.Residuals([1.0, 2.0], [0.1], [0.1, 0.2], "x"));
        Assert.Throws<ArgumentException>(() => ImpedanceFigures.Residuals([0.0, 2.0], [0.1, 0.1], [0.1, 0.2], "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImpedanceFigures.Nyquist(Spectrum, style: new FigureStyle(Width: 10)));
        Assert.Contains(".png or .svg", Assert.Throws<ArgumentException>(() => ImpedanceFigures.Nyquist(Spectrum).Save("figure.pdf")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_writes_the_format_its_extension_names()
    {
        string folder = Directory.CreateTempSubdirectory("electrochem-figures-").FullName;
        try
        {
            Figure figure = ImpedanceFigures.Nyquist(Spectrum);
            figure.Save(Path.Combine(folder, "n.png"));
            figure.Save(Path.Combine(folder, "n.SVG"));
            Assert.Equal(0x89, File.ReadAllBytes(Path.Combine(folder, "n.png"))[0]);
            Assert.Contains("<svg", File.ReadAllText(Path.Combine(folder, "n.SVG")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    /// <summary>R₀ = 10 Ω in series with R₁ = 100 Ω ∥ CPE (Q = 10⁻⁴, α = 0.9), 1 mHz–100 kHz, 8 points per decade.</summary>
    private static ImpedanceSpectrum Randles()
    {
        double[] f = [.. Enumerable.Range(0, 65).Select(i => Math.Pow(10, 5 - (i / 8.0)))];
        Complex[] z = [.. f.Select(x =>
        {
            Complex cpe = 1 / (1e-4 * Complex.Pow(new Complex(0, 2 * Math.PI * x), 0.9));
            return 10 + (100 * cpe / (100 + cpe));
        })];
        return ImpedanceSpectrum.FromComplex(f, z);
    }
}
