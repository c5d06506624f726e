using Electrochem.Cli.Formatting;

namespace Electrochem.Cli.Tests.Formatting;

public sealed class NumbersTests
{
    [Theory]
    [InlineData(0.24123, 0.00512, "0.2412 ± 0.0051")]
    [InlineData(3.5803e-4, 9.1e-6, "(3.580 ± 0.091)e-4")]
    [InlineData(22.791, 0.2357, "22.79 ± 0.24")]
    [InlineData(137.2, 150.4, "137 ± 150")]
    [InlineData(1e-7, 97.0, "0 ± 97")]
    [InlineData(123456.0, 789.0, "(1.2346 ± 0.0079)e5")]
    [InlineData(1.0, 0.0, "1.000 (exact)")]
    [InlineData(1.0, double.NaN, "1.000 ± n/a")]
    public void Value_with_uncertainty(double value, double uncertainty, string expected) =>
        Assert.Equal(expected, Numbers.WithUncertainty(value, uncertainty));

    [Theory]
    [InlineData(3.6e-4, "3.600e-4")]
    [InlineData(0.2412345, "0.2412")]
    [InlineData(9.9996e-4, "1.000e-3")]
    [InlineData(-2.5, "-2.500")]
    [InlineData(double.NaN, "n/a")]
    public void Significant_digits(double value, string expected) => Assert.Equal(expected, Numbers.Significant(value));

    [Fact]
    public void Interval_uses_the_precision_of_the_estimate() =>
        Assert.Equal("[3.577, 3.701]e-4", Numbers.IntervalLike(3.638e-4, 2.6e-6, 3.5771e-4, 3.7012e-4));
}
