using System.Numerics;
using System.Text.Json;
using Electrochem.Fitting;
using Electrochem.Impedance;
using Electrochem.Transport;

namespace Electrochem.Tests.Fitting;

/// <summary>What a user can print and evaluate: estimates and measurements as text, Lin-KK results as table and JSON, circuit predictions at frequencies in Hz.</summary>
public sealed class PrintingTests
{
    [Fact]
    public void Estimates_and_measurements_print_value_plus_minus_SE_with_the_unit()
    {
        Assert.Equal("0.2542 ± 0.0026 eV", new ParameterEstimate("Ea", "eV", 0.25423, 0.00261, 0.249, 0.259, false, BoundState.Interior).ToString());
        Assert.Equal("(3.580 ± 0.091)e-4 S/cm", new ParameterEstimate("σ", "S/cm", 3.58e-4, 9.1e-6, 0, 0, false, BoundState.Interior).ToString());
        Assert.Equal("0.5 (held)", new ParameterEstimate("α", string.Empty, 0.5, 0, 0.5, 0.5, true, BoundState.Interior).ToString());
        Assert.Equal("9.62808e-8 K (at its lower bound; no standard error)", new ParameterEstimate("T0", "K", 9.62808e-8, double.NaN, double.NaN, double.NaN, false, BoundState.AtLowerBound).ToString());
        Assert.Equal("14.15 ± 0.21", new Measurement(14.1512, 0.2134).ToString());
        Assert.Equal("2.000 (exact)", new Measurement(2, 0).ToString());

        double[] t = [303.15, 313.15, 323.15, 333.15, 343.15];
        double[] sigma = [.. t.Select(k => 1e-4 * Math.Exp(-0.24 / 8.617333262e-5 * ((1 / k) - (1 / 300.0))))];
        string text = Arrhenius.Fit(t, sigma, ArrheniusForm.Conductivity).ActivationEnergyElectronVolts().ToString();
        Assert.EndsWith(" eV", text, StringComparison.Ordinal);
        Assert.StartsWith("0.24", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_circuit_model_predicts_at_frequencies_in_hertz()
    {
        var model = new CircuitModel(Circuit.Parse("R0-p(R1,C1)"), [10, 100, 1e-5]);
        ImpedanceSpectrum curve = model.Predict([1e5, 159.15494309189535, 0.01]);
        Assert.Equal([1e5, 159.15494309189535, 0.01], curve.Frequency.ToArray());
        Complex atCorner = 10 + (100 / new Complex(1, 1));
        Assert.Equal(atCorner.Real, curve.Real[1], 1e-9);
        Assert.Equal(atCorner.Imaginary, curve.Imaginary[1], 1e-9);
        Assert.Equal(110, curve.Real[2], 1e-6);
        Assert.ThrowsAny<ArgumentException>(() => model.Predict([1, -1]));
        Assert.ThrowsAny<ArgumentException>(() => model.Predict([]));
    }

    [Fact]
    public void Lin_KK_results_print_as_a_table_and_as_JSON()
    {
        double[] f = [.. Enumerable.Range(0, 40).Select(k => 1e5 * Math.Pow(10, -k / 6.0))];
        var model = new CircuitModel(Circuit.Parse("R0-p(R1,C1)"), [10, 100, 1e-5]);
        ImpedanceSpectrum spectrum = model.Predict(f);
        LinearKramersKronigResult kk = LinearKramersKronig.Test(spectrum, new LinearKramersKronigOptions(KramersKronigPart.Real, 0.5, 40, false));
        string table = kk.ToTable(spectrum.Frequency);
        Assert.Contains($"M = {kk.ElementCount} RC elements", table, StringComparison.Ordinal);
        Assert.Contains("largest |Δ|", table, StringComparison.Ordinal);
        Assert.Equal(5 + 1 + f.Length, table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("Verdict: pass", table, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => kk.ToTable(f.AsSpan(1)));

        using JsonDocument json = JsonDocument.Parse(kk.ToJson());
        Assert.Equal(kk.ElementCount, json.RootElement.GetProperty("elementCount").GetInt32());
        Assert.Equal(f.Length, json.RootElement.GetProperty("residualsReal").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("seriesCapacitanceFarad").ValueKind);
        Assert.Equal(kk.Mu, json.RootElement.GetProperty("mu").GetDouble());
    }
}
