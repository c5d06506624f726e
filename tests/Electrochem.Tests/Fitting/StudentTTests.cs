using Electrochem.Fitting;
using MathNet.Numerics;

namespace Electrochem.Tests.Fitting;

/// <summary>
/// The t quantile every fit's intervals use: closed forms for ν = 1 and 2, tabulated values (R's <c>qt</c>), the
/// defining tail probability, and agreement with Math.NET's general inverse across ν and levels. Both rest on Math.NET's
/// regularized incomplete beta function, good to about 10⁻¹¹ relative at moderate ν and 10⁻¹⁰ at ν ~ 10⁶: the
/// tolerances below are that, not the rounding of the Newton iteration (10⁻¹⁵).
/// </summary>
public class StudentTTests
{
    [Theory]
    [InlineData(1, 0.95, 12.706204736174705)] // tan(0.475π)
    [InlineData(2, 0.95, 4.302652729749464)] // 0.95/√((1 − 0.95²)/2)
    [InlineData(10, 0.95, 2.228138851964938)]
    [InlineData(30, 0.95, 2.042272456301238)]
    [InlineData(30, 0.99, 2.749995653567353)]
    public void Tabulated_quantiles_are_reproduced(int nu, double level, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(nu, level), expected * (nu <= 2 ? 2e-15 : 1e-10));

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

    [Fact]
    public void For_very_many_degrees_of_freedom_it_is_the_normal_quantile_plus_the_first_correction()
    {
        // t = z + (z³ + z)/(4ν) + (5z⁵ + 16z³ + 3z)/(96ν²) + O(z⁷/ν³): at ν = 10⁶ the rest is below 10⁻¹⁵ for z ≤ 5.
        foreach (double level in new[] { 0.5, 0.95, 0.999999 })
        {
            double z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.5 + (level / 2));
            double z3 = z * z * z, z5 = z3 * z * z;
            Assert.Equal(z + ((z3 + z) / 4e6) + (((5 * z5) + (16 * z3) + (3 * z)) / 96e12), StudentT.Quantile(1_000_000, level), 1e-14);
        }
    }

    [Fact]
    public void A_level_of_zero_is_zero_and_no_degrees_of_freedom_is_not_a_number()
    {
        Assert.Equal(0, StudentT.Quantile(5, 0));
        Assert.True(double.IsNaN(StudentT.Quantile(0, 0.95)));
        Assert.True(double.IsNaN(StudentT.Quantile(-3, 0.95)));
    }
}
