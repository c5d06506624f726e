using Electrochem.Impedance;
using Electrochem.Transport;

namespace Electrochem.Tests.Impedance;

public class EffectiveCapacitanceTests
{
    [Fact]
    public void An_ideal_capacitor_is_its_own_effective_capacitance()
    {
        Assert.Equal(2e-5, EffectiveCapacitance.HsuMansfeld(new(2e-5, 0), new(1, 0), new(100, 0)).Value, 1e-18);
        Assert.Equal(2e-5, EffectiveCapacitance.Brug(new(2e-5, 0), new(1, 0), new(10, 0), new(100, 0)).Value, 1e-18);
    }

    [Fact]
    public void Hsu_Mansfeld_and_Brug_match_their_closed_forms()
    {
        double hm = Math.Pow(2e-5, 1 / 0.9) * Math.Pow(100, 0.1 / 0.9);
        Assert.Equal(hm, EffectiveCapacitance.HsuMansfeld(new(2e-5, 0), new(0.9, 0), new(100, 0)).Value, hm * 1e-14);
        double brug = Math.Pow(2e-5, 1 / 0.9) * Math.Pow((1 / 10.0) + (1 / 100.0), -0.1 / 0.9);
        Assert.Equal(brug, EffectiveCapacitance.Brug(new(2e-5, 0), new(0.9, 0), new(10, 0), new(100, 0)).Value, brug * 1e-14);
        // A blocking electrode (no charge transfer): Brug with R_ct = ∞ is Hsu–Mansfeld with R = R_s.
        Measurement blocking = EffectiveCapacitance.Brug(new(2e-5, 1e-6), new(0.9, 0.01), new(10, 0.1), new(double.PositiveInfinity, 0));
        Measurement parallel = EffectiveCapacitance.HsuMansfeld(new(2e-5, 1e-6), new(0.9, 0.01), new(10, 0.1));
        Assert.Equal(parallel.Value, blocking.Value, parallel.Value * 1e-14);
        Assert.Equal(parallel.StandardUncertainty, blocking.StandardUncertainty, parallel.StandardUncertainty * 1e-6);
    }

    [Fact]
    public void Uncertainty_of_Q_alone_propagates_as_C_over_alpha_Q()
    {
        // ∂C/∂Q = C/(α·Q), so u_C = C·(u_Q/Q)/α.
        Measurement c = EffectiveCapacitance.HsuMansfeld(new(2e-5, 2e-7), new(0.8, 0), new(100, 0));
        Assert.Equal(c.Value * 0.01 / 0.8, c.StandardUncertainty, c.StandardUncertainty * 1e-6);
    }

    [Fact]
    public void Out_of_range_inputs_are_rejected()
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => EffectiveCapacitance.HsuMansfeld(new(2e-5, 0), new(1.2, 0), new(100, 0))).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => EffectiveCapacitance.HsuMansfeld(new(2e-5, 0), new(0, 0), new(100, 0))).ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentOutOfRangeException>(() => EffectiveCapacitance.HsuMansfeld(new(-1, 0), new(0.9, 0), new(100, 0))).ParamName);
        Assert.Equal("parallelResistance", Assert.Throws<ArgumentOutOfRangeException>(() => EffectiveCapacitance.HsuMansfeld(new(1e-5, 0), new(0.9, 0), new(0, 0))).ParamName);
        Assert.Equal("chargeTransferResistance", Assert.Throws<ArgumentOutOfRangeException>(() => EffectiveCapacitance.Brug(new(1e-5, 0), new(0.9, 0), new(10, 0), new(0, 0))).ParamName);
    }
}
