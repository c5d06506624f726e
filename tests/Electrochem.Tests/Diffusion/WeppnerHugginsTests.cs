using Electrochem.Constants;
using Electrochem.Diffusion;

namespace Electrochem.Tests.Diffusion;

public sealed class WeppnerHugginsTests
{
    // The worked case: τ = 600 s, m_B = 3.0 mg, M_B = 97.87 g/mol, ρ = 5.06 g/cm³ (V_M = 19.341897 cm³/mol),
    // S = 1.54 cm², ΔE_s = 10 mV, ΔE_t = 50 mV → D = 1.258111e-11 cm²/s.
    private static readonly Measurement Length = WeppnerHuggins.LengthFromMolarVolume(0.003, 97.87, 97.87 / 5.06, 1.54);

    [Fact]
    public void The_molar_volume_form_gives_the_worked_value()
    {
        Measurement d = WeppnerHuggins.FromLength(600, Length, 0.010, 0.050);
        Assert.Equal(1.258111e-11, d.Value * 1e4, 1e-17); // cm²/s, to the 7 digits given
        Assert.Equal(0, d.StandardUncertainty);
    }

    [Fact]
    public void Spheres_use_a_third_of_the_radius_and_the_wrong_length_overstates_D_ninefold()
    {
        Measurement sphere = WeppnerHuggins.FromLength(600, WeppnerHuggins.LengthFromSphereRadius(5e-6), 0.010, 0.050);
        Measurement wrong = WeppnerHuggins.FromLength(600, 5e-6, 0.010, 0.050);
        Assert.Equal(2.357851e-12, sphere.Value * 1e4, 1e-18);
        Assert.Equal(2.122066e-11, wrong.Value * 1e4, 1e-17);
        Assert.Equal(9, wrong.Value / sphere.Value, 1e-12);
    }

    [Fact]
    public void The_square_root_form_gives_the_same_D_when_E_is_linear_in_root_t()
    {
        // I = 1.0e-4 A, z = 1: with E linear in √t over the pulse, dE/d√t = ΔE_t/√τ and dE_s/dt = ΔE_s/τ.
        Measurement a = WeppnerHuggins.FromLength(600, Length, 0.010, 0.050);
        Measurement b = WeppnerHuggins.FromSquareRootSlope(Length, 0.010 / 600, 0.050 / Math.Sqrt(600));
        Assert.Equal(a.Value, b.Value, a.Value * 1e-12);

        // The same through the stoichiometry form: D = (4/π)·(I·V_M/(z·F·S))²·[(dE_s/dx)/(dE/d√t)]², Δx = I·τ·M_B/(z·F·m_B).
        double i = 1.0e-4, vm = 97.87 / 5.06 * 1e-6, s = 1.54e-4, mB = 3.0e-6, mMolar = 97.87e-3;
        double dx = i * 600 * mMolar / (PhysicalConstants.FaradayConstant * mB);
        double stoichiometric = 4 / Math.PI * Math.Pow(i * vm / (PhysicalConstants.FaradayConstant * s), 2) * Math.Pow(0.010 / dx / (0.050 / Math.Sqrt(600)), 2);
        Assert.Equal(a.Value, stoichiometric, a.Value * 1e-9);
    }

    [Fact]
    public void Uncertainties_add_in_quadrature_with_the_squared_terms_doubled()
    {
        Measurement d = WeppnerHuggins.FromLength(new Measurement(600, 6), new Measurement(1e-5, 1e-7), new Measurement(0.010, 0.0001), new Measurement(0.050, 0.0005));
        Assert.Equal(Math.Sqrt((0.02 * 0.02) + (0.01 * 0.01) + (0.02 * 0.02) + (0.02 * 0.02)), d.RelativeUncertainty, 1e-12);
    }

    [Fact]
    public void Opposite_signs_and_bad_values_are_refused()
    {
        Assert.Contains("differ in sign", Assert.Throws<ArgumentException>(() => WeppnerHuggins.FromLength(600, 1e-5, -0.01, 0.05)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => WeppnerHuggins.FromLength(0, 1e-5, 0.01, 0.05));
        Assert.Throws<ArgumentException>(() => WeppnerHuggins.FromLength(600, 1e-5, 0.01, 0));
        Assert.Equal(0.6, WeppnerHuggins.TimeRatio(600, 1e-13, Math.Sqrt(1e-10)), 1e-12);
    }
}
