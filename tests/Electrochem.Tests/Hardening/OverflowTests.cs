using Electrochem.Impedance;
using Electrochem.Transport;

namespace Electrochem.Tests.Hardening;

/// <summary>Results that overflow are argument errors saying so, never ∞ or NaN presented as a result.</summary>
public sealed class OverflowTests
{
    [Fact]
    public void Conductivity_capacitance_and_transference_refuse_to_return_infinity_or_NaN()
    {
        Assert.Contains("overflow", Assert.Throws<ArgumentException>(() => IonicConductivity.FromBulkResistance(1e300, 1e-300, 1e-300)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => IonicConductivity.FromBulkResistance(new Measurement(1e300, 1), 1e-300, 1e-300));
        Assert.Throws<ArgumentException>(() => EffectiveCapacitance.HsuMansfeld(1e300, 0.85, 100));
        Assert.Throws<ArgumentException>(() => EffectiveCapacitance.HsuMansfeld(1e-5, 1e-300, 100));
        Assert.Throws<ArgumentException>(() => BruceVincent.TransferenceNumber(new Measurement(5e-324, 1e-324), new Measurement(4e-324, 1e-324), 0.01, 100, 120));
        Assert.Equal(1e-3 / (100 * 1e-4), IonicConductivity.FromBulkResistance(1e-3, 1e-4, 100), 1e-12); // ordinary values unchanged
    }

    [Fact]
    public void Lin_KK_on_impedances_beyond_double_precision_is_an_argument_error()
    {
        double[] f = [.. Enumerable.Range(0, 20).Select(k => Math.Pow(10, 5 - (0.3 * k)))];
        double[] re = [.. f.Select(x => 1e300 * (10 + (100 / (1 + Math.Pow(x / 100, 2)))))];
        double[] im = [.. f.Select(x => -1e300 * (100 * (x / 100) / (1 + Math.Pow(x / 100, 2))))];
        var e = Assert.Throws<ArgumentException>(() => LinearKramersKronig.Test(new ImpedanceSpectrum(f, re, im)));
        Assert.Equal("spectrum", e.ParamName);
    }

    [Fact]
    public void Starting_values_from_an_all_zero_spectrum_are_refused_not_infinite()
    {
        var zero = new ImpedanceSpectrum([1.0, 10, 100, 1000], [0.0, 0, 0, 0], [0.0, 0, 0, 0]);
        var e = Assert.Throws<ArgumentException>(() => CircuitInitialGuess.Estimate(Circuit.Parse("R0-p(R1,CPE1)"), zero));
        Assert.Equal("spectrum", e.ParamName);
        Assert.Contains("Every impedance of the spectrum is zero", e.Message, StringComparison.Ordinal);
    }
}
