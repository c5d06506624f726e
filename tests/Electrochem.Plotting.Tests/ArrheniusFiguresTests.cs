using Electrochem.Fitting;
using Electrochem.Plotting.Transport;
using Electrochem.Transport;

namespace Electrochem.Plotting.Tests;

/// <summary>The Arrhenius figures: log σ against 1000/T with the fit, its band and Eₐ; several materials; VTF overlaid.</summary>
public sealed class ArrheniusFiguresTests
{
    private const double BoltzmannElectronVolts = 8.617333262e-5;

    [Fact]
    public void One_material_shows_its_fit_band_and_activation_energy_in_both_units()
    {
        (double[] t, double[] sigma) = Arrhenius(0.45, 1e4, 0.02, seed: 1);
        FitResult<Arrhenius> fit = Electrochem.Transport.Arrhenius.Fit(t, sigma, ArrheniusForm.Conductivity);
        Assert.Equal(0.45, fit.ActivationEnergyElectronVolts().Value, 0.02);
        RenderedFigure.Check(ArrheniusFigures.Arrhenius(t, sigma, fit, "S/cm"), "1000/T (K⁻¹)", "σ (S/cm)", "T (°C)", "data", "Arrhenius fit: Eₐ = 0.4", " eV (4", " kJ/mol)", "95 % confidence band", "10⁻⁴");
    }

    [Fact]
    public void The_sigma_t_form_plots_sigma_times_t()
    {
        (double[] t, double[] sigma) = Arrhenius(0.30, 10, 0.01, seed: 2);
        FitResult<Arrhenius> fit = Electrochem.Transport.Arrhenius.Fit(t, sigma, ArrheniusForm.ConductivityTimesTemperature);
        RenderedFigure.Check(ArrheniusFigures.Arrhenius(t, sigma, fit, "mS/cm"), "σ·T (K·mS/cm)", "Eₐ = 0.3");
    }

    [Fact]
    public void Several_materials_share_one_plot_each_with_its_activation_energy()
    {
        (double[] t1, double[] s1) = Arrhenius(0.30, 100, 0.02, seed: 3);
        (double[] t2, double[] s2) = Arrhenius(0.55, 1e6, 0.02, seed: 4);
        (double[] t3, double[] s3) = Arrhenius(0.42, 3e3, 0.02, seed: 5);
        Figure figure = ArrheniusFigures.Arrhenius(
            [
                ("PEO–LiTFSI", t1, s1, Electrochem.Transport.Arrhenius.Fit(t1, s1, ArrheniusForm.Conductivity)),
                ("LLZO", t2, s2, Electrochem.Transport.Arrhenius.Fit(t2, s2, ArrheniusForm.Conductivity)),
                ("LPS glass", t3, s3, Electrochem.Transport.Arrhenius.Fit(t3, s3, ArrheniusForm.Conductivity)),
            ],
            "S/cm");
        RenderedFigure.Check(figure, "PEO–LiTFSI: Eₐ = 0.3", "LLZO: Eₐ = 0.5", "LPS glass: Eₐ = 0.4", "95 % confidence bands", "σ (S/cm)");
    }

    [Fact]
    public void A_model_comparison_overlays_vtf_with_the_akaike_weights()
    {
        // VTF data: A = 10 S·K^½/cm, B = 1000 K (k_B·B = 0.0862 eV), T₀ = 200 K.
        double[] t = [.. Enumerable.Range(0, 12).Select(i => 263.15 + (10.0 * i))];
        var random = new Random(6);
        double[] sigma = [.. t.Select(k => 10 / Math.Sqrt(k) * Math.Exp(-1000 / (k - 200)) * (1 + (0.01 * Gaussian(random))))];
        ConductivityModelComparison comparison = ConductivityModelComparison.Compare(t, sigma);
        Assert.Equal("VTF", comparison.PreferredModel);
        RenderedFigure.Check(ArrheniusFigures.Arrhenius(t, sigma, comparison, "S/cm"), "VTF (Akaike weight 1.00)", "B = 9", " K (0.08", "T₀ = 2", "Arrhenius (Akaike weight 0.00)", "Eₐ = ", "VTF preferred", "ΔAICc");
        RenderedFigure.Check(ArrheniusFigures.Vtf(t, sigma, comparison.Vtf, "S/cm"), "VTF: B = ", "95 % confidence band", "σ (S/cm)");
    }

    [Fact]
    public void Unpaired_or_non_positive_data_and_a_missing_unit_are_refused()
    {
        (double[] t, double[] sigma) = Arrhenius(0.45, 1e4, 0.02, seed: 1);
        FitResult<Arrhenius> fit = Electrochem.Transport.Arrhenius.Fit(t, sigma, ArrheniusForm.Conductivity);
        Assert.Throws<ArgumentException>(() => ArrheniusFigures.Arrhenius(t.AsSpan(1), sigma, fit, "S/cm"));
        Assert.Contains("σ > 0", Assert.Throws<ArgumentException>(() => ArrheniusFigures.Arrhenius(t, [.. sigma.Select(s => -s)], fit, "S/cm")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ArrheniusFigures.Arrhenius(t, sigma, fit, " "));
        Assert.Throws<ArgumentException>(() => ArrheniusFigures.Arrhenius([], "S/cm"));
    }

    /// <summary>σ = A·exp(−E_a/(k_B·T)) at 20–90 °C every 10 K, with relative Gaussian scatter.</summary>
    private static (double[] T, double[] Sigma) Arrhenius(double ea, double a, double scatter, int seed)
    {
        var random = new Random(seed);
        double[] t = [.. Enumerable.Range(0, 8).Select(i => 293.15 + (10.0 * i))];
        return (t, [.. t.Select(k => a * Math.Exp(-ea / (BoltzmannElectronVolts * k)) * (1 + (scatter * Gaussian(random))))]);
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
