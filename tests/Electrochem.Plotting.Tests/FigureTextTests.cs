namespace Electrochem.Plotting.Tests;

/// <summary>Figures write value ± u with the library's layout, in ×10ⁿ notation and with the typographic minus.</summary>
public sealed class FigureTextTests
{
    [Theory]
    [InlineData(0.4523, 0.0101, "0.452 ± 0.010")]
    [InlineData(-0.4523, 0.0101, "−0.452 ± 0.010")]
    [InlineData(3.58e-4, 9.1e-6, "(3.580 ± 0.091)×10⁻⁴")]
    [InlineData(-3.58e-4, 9.1e-6, "(−3.580 ± 0.091)×10⁻⁴")]
    [InlineData(2.5e6, 3.1e4, "(2.500 ± 0.031)×10⁶")]
    public void Value_and_uncertainty_are_laid_out_like_the_library_in_figure_notation(double value, double uncertainty, string expected) =>
        Assert.Equal(expected, FigureText.WithUncertainty(value, uncertainty));
}
