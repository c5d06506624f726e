using Electrochem.Fitting;
using MathNet.Numerics;

namespace Electrochem.Tests.Fitting;

/// <summary>
/// The t quantile every fit's intervals use: against 40-digit values (the tail ½·I_{ν/(ν+t²)}(ν/2, ½) solved in
/// arbitrary precision with mpmath 1.3 at the exact binary value of each level — at 0.999999 the decimal and the
/// double differ enough to move t by 5·10⁻¹²), the defining tail probability, and agreement with Math.NET's general inverse
/// across ν and levels. The Newton steps use Math.NET's regularized incomplete beta function, good to about 10⁻¹³
/// relative here; Math.NET's own inverse is good to about 10⁻¹¹, hence the looser tolerance against it.
/// </summary>
public class StudentTTests
{
    [Theory]
    [InlineData(1, 0.95, 12.706204736174693314)]
    [InlineData(2, 0.95, 4.3026527297494617894)]
    [InlineData(3, 0.999999, 130.15458955711021351)]
    [InlineData(10, 0.95, 2.2281388519862742245)]
    [InlineData(30, 0.95, 2.0422724563012378878)]
    [InlineData(30, 0.99, 2.7499956535672249664)]
    [InlineData(113, 0.95, 1.9811803594146607813)]
    [InlineData(113, 0.6827, 1.0044663075427677588)]
    [InlineData(4_999, 0.999999, 4.8977432938698097809)]
    [InlineData(5_000, 0.999999, 4.8977420715795133309)]
    [InlineData(5_000, 0.95, 1.9604385517065075384)]
    [InlineData(1_000_000, 0.95, 1.9599663568141066553)]
    [InlineData(1_000_000, 0.999999, 4.8916689607047265543)]
    public void Quantiles_match_40_digit_values(int nu, double level, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(nu, level), expected * 5e-13);

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(53)]
    [InlineData(1_000)]
    [InlineData(4_999)]
    public void The_quantile_leaves_exactly_the_requested_tail(int nu)
    {
        foreach (double level in new[] { 0.1, 0.5, 0.6827, 0.9, 0.95, 0.99, 0.999, 0.999999 })
        {
            double t = StudentT.Quantile(nu, level);
            double tail = 0.5 * SpecialFunctions.BetaRegularized(nu / 2.0, 0.5, nu / (nu + (t * t)));
            Assert.Equal((1 - level) / 2, tail, ((1 - level) / 2) * (nu < 1_000 ? 1e-12 : 1e-8));
        }
    }

    [Fact]
    public void It_agrees_with_the_general_inverse_for_every_nu_to_300_and_beyond()
    {
        foreach (int nu in Enumerable.Range(1, 300).Concat([1_000, 4_999, 5_000, 100_000]))
        {
            foreach (double level in new[] { 0.5, 0.9, 0.95, 0.99 })
            {
                double general = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, nu, 0.5 + (level / 2));
                Assert.Equal(general, StudentT.Quantile(nu, level), general * 1e-9);
            }
        }
    }

    [Theory]
    [InlineData(0.6827, 1.00002171332299911)]
    [InlineData(0.95, 1.9599639845400538556)]
    [InlineData(0.999999, 4.8916384756929317718)]
    public void The_normal_quantile_is_formed_from_the_tail(double level, double expected) => // √2·erf⁻¹(level), mpmath, 40 digits
        Assert.Equal(expected, StudentT.NormalQuantile(level), expected * 1e-14);

    [Fact]
    public void A_level_of_zero_is_zero_and_no_degrees_of_freedom_is_not_a_number()
    {
        Assert.Equal(0, StudentT.Quantile(5, 0));
        Assert.True(double.IsNaN(StudentT.Quantile(0, 0.95)));
        Assert.True(double.IsNaN(StudentT.Quantile(-3, 0.95)));
    }
}
