using System.Collections.Immutable;
using Electrochem.Fitting;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.Tests.Fitting;

public class LinearLeastSquaresTests
{
    private static readonly double[] X = [1, 2, 3, 4, 5];
    private static readonly double[] Y = [2.2, 4.1, 6.1, 7.9, 10.2];

    // Reference values computed independently with exact rational arithmetic (normal equations by Cramer's rule);
    // t(0.975, 3) = 3.182446305284263. Tolerance 1e-12: double rounding of a 5-point problem.
    [Fact]
    public void Straight_line_matches_exact_rational_reference()
    {
        FitResult fit = LinearLeastSquares.FitLine(X, Y);

        Assert.Equal(FitStatus.Converged, fit.Status);
        Assert.Equal(0.16, fit["Intercept"].Value, 12);
        Assert.Equal(1.98, fit["Slope"].Value, 12);
        Assert.Equal(0.1432945684013645, fit["Intercept"].StandardError, 12);
        Assert.Equal(0.04320493798938573, fit["Slope"].StandardError, 12);
        Assert.Equal(-0.0056, fit.Covariance["Intercept", "Slope"], 12);
        Assert.Equal(1.8425026047256436, fit["Slope"].ConfidenceLower, 10);
        Assert.Equal(2.117497395274356, fit["Slope"].ConfidenceUpper, 10);
        Assert.Equal(0.056, fit.Statistics.ResidualSumOfSquares, 12);
        Assert.Equal(0.056, fit.Statistics.ChiSquare, 12);
        Assert.Equal(0.056 / 3, fit.Statistics.ReducedChiSquare, 12);
        Assert.Equal(0.9985736118186449, fit.Statistics.RSquared, 12);
        Assert.Equal(-16.459207503405445, fit.Statistics.Aic, 10);
        Assert.Equal(7.540792496594555, fit.Statistics.Aicc, 10);
        Assert.Equal(-17.630893766103142, fit.Statistics.Bic, 10);
        Assert.Equal(3, fit.Statistics.DegreesOfFreedom);
        Assert.Equal(5, fit.Residuals.Length);
        Assert.Equal(2.2 - 0.16 - 1.98, fit.Residuals[0], 12);
    }

    [Fact]
    public void Confidence_and_prediction_bands_match_textbook_formulas()
    {
        FitResult fit = LinearLeastSquares.FitLine(X, Y);
        Prediction p = fit.Predict([1.0, 6.0], fit["Intercept"].Value + (6 * fit["Slope"].Value));

        Assert.Equal(12.04, p.Value, 12);
        Assert.Equal(0.1432945684013645, p.StandardError, 12); // s·√(1/n + (x0 − x̄)²/Sxx)
        const double t = 3.182446305284263;
        Assert.Equal(12.04 - (t * 0.1432945684013645), p.ConfidenceLower, 10);
        Assert.Equal(12.04 + (t * 0.1979898987322333), p.PredictionUpper, 10); // s·√(1 + 1/n + …)
        Assert.True(p.PredictionLower < p.ConfidenceLower);
    }

    [Fact]
    public void Other_confidence_levels_widen_or_narrow_the_interval()
    {
        FitResult fit = LinearLeastSquares.FitLine(X, Y);
        (double lo99, double hi99) = fit.ConfidenceInterval("Slope", 0.99);
        (double lo68, double hi68) = fit.ConfidenceInterval("Slope", 0.68);
        Assert.True(hi99 - lo99 > fit["Slope"].ConfidenceUpper - fit["Slope"].ConfidenceLower);
        Assert.True(hi68 - lo68 < fit["Slope"].ConfidenceUpper - fit["Slope"].ConfidenceLower);
        Assert.Throws<ArgumentOutOfRangeException>(() => fit.ConfidenceInterval("Slope", 1.0));
    }

    [Fact]
    public void General_design_matrix_agrees_with_the_straight_line()
    {
        double[] design = [.. Enumerable.Repeat(1.0, X.Length), .. X];
        FitResult general = LinearLeastSquares.Fit(design, Y, [new ParameterDefinition("Intercept", ""), new ParameterDefinition("Slope", "")]);
        FitResult line = LinearLeastSquares.FitLine(X, Y);

        for (int j = 0; j < 2; j++)
        {
            Assert.Equal(line.Parameters[j].Value, general.Parameters[j].Value, 12);
            Assert.Equal(line.Parameters[j].StandardError, general.Parameters[j].StandardError, 12);
        }

        Assert.Equal(line.Covariance[0, 1], general.Covariance[0, 1], 12);
        Assert.Equal(line.Statistics.ChiSquare, general.Statistics.ChiSquare, 12);
    }

    [Fact]
    public void Quadratic_is_recovered_exactly_from_exact_data()
    {
        double[] x = TestData.Linspace(-3, 7, 11);
        double[] y = x.Select(v => 1.5 - (2.25 * v) + (0.125 * v * v)).ToArray();
        double[] design = [.. x.Select(_ => 1.0), .. x, .. x.Select(v => v * v)];
        FitResult fit = LinearLeastSquares.Fit(design, y, [new("c0", ""), new("c1", ""), new("c2", "")]);

        Assert.Equal(1.5, fit["c0"].Value, 12);
        Assert.Equal(-2.25, fit["c1"].Value, 12);
        Assert.Equal(0.125, fit["c2"].Value, 12);
        Assert.True(fit.Statistics.ChiSquare < 1e-24);
    }

    [Fact]
    public void Collinear_columns_report_a_singular_fit_instead_of_a_number()
    {
        double[] x = [1, 2, 3, 4, 5, 6];
        double[] y = [1, 3, 2, 5, 4, 6];
        double[] design = [.. x.Select(_ => 1.0), .. x, .. x.Select(v => 2 * v)];
        FitResult fit = LinearLeastSquares.Fit(design, y, [new("a", ""), new("b", ""), new("c", "")]);

        Assert.Equal(FitStatus.SingularJacobian, fit.Status);
        Assert.False(fit.Converged);
        Assert.Contains("'c'", fit.StatusReason, StringComparison.Ordinal);
        Assert.All(fit.Parameters, p => Assert.True(double.IsNaN(p.Value)));
    }

    [Fact]
    public void Absolute_weights_leave_the_covariance_unscaled()
    {
        double[] w = [4, 1, 2, 1, 3];
        FitResult relative = LinearLeastSquares.FitLine(X, Y, w);
        FitResult absolute = LinearLeastSquares.FitLine(X, Y, w, new LinearFitOptions(WeightsAreAbsolute: true));

        Assert.Equal(relative["Slope"].Value, absolute["Slope"].Value, 14);
        double ratio = relative.Covariance[1, 1] / absolute.Covariance[1, 1];
        Assert.Equal(relative.Statistics.ReducedChiSquare, ratio, 12);
        Assert.True(absolute.WeightsAreAbsolute);
    }

    // Integer weights are the same as repeating points: the estimates (not the degrees of freedom) must agree.
    [Property(MaxTest = 200)]
    public void Integer_weights_equal_repeated_points(PositiveInt a, PositiveInt b, PositiveInt c, int seed)
    {
        int[] counts = [a.Get % 4 + 1, b.Get % 4 + 1, c.Get % 4 + 1, 1];
        var data = new TestData((ulong)seed);
        double[] x = [0.5, 1.7, 2.2, 4.0];
        double[] y = x.Select(v => 3 - v + (0.3 * data.Normal())).ToArray();
        double[] w = counts.Select(k => (double)k).ToArray();
        double[] xr = x.SelectMany((v, i) => Enumerable.Repeat(v, counts[i])).ToArray();
        double[] yr = y.SelectMany((v, i) => Enumerable.Repeat(v, counts[i])).ToArray();
        FitResult weighted = LinearLeastSquares.FitLine(x, y, w);
        FitResult repeated = LinearLeastSquares.FitLine(xr, yr);
        Assert.Equal(repeated["Slope"].Value, weighted["Slope"].Value, 10);
        Assert.Equal(repeated["Intercept"].Value, weighted["Intercept"].Value, 10);
        Assert.Equal(repeated.Statistics.ChiSquare, weighted.Statistics.ChiSquare, 10);
    }

    [Property(MaxTest = 100)]
    public Property Exact_lines_are_recovered_to_1e_9(NormalFloat intercept, NormalFloat slope)
    {
        double a = Math.Clamp(intercept.Get, -1e6, 1e6);
        double b = Math.Clamp(slope.Get, -1e6, 1e6);
        double[] x = TestData.Linspace(100, 200, 17);
        double[] y = x.Select(v => a + (b * v)).ToArray();
        FitResult fit = LinearLeastSquares.FitLine(x, y);
        double scale = Math.Max(1, Math.Abs(a) + (200 * Math.Abs(b)));
        // Relative to the size of the data (|a| + 200|b|): the slope's scale is that divided by the x spread (100).
        return (Math.Abs(fit["Slope"].Value - b) <= 1e-9 * scale / 100
                && Math.Abs(fit["Intercept"].Value - a) <= 1e-9 * scale).ToProperty();
    }

    // Relative weights carry no scale: multiplying them all by c must change nothing a user reads, including the
    // prediction interval of a new observation of average weight.
    [Property(MaxTest = 100)]
    public Property Scaling_all_relative_weights_changes_nothing(PositiveInt scalePower, int seed)
    {
        double c = Math.Pow(10, (scalePower.Get % 13) - 6);
        var random = new TestData((ulong)seed);
        double[] w = X.Select(_ => random.Uniform(0.2, 3)).ToArray();
        FitResult reference = LinearLeastSquares.FitLine(X, Y, w);
        FitResult scaled = LinearLeastSquares.FitLine(X, Y, w.Select(v => v * c).ToArray());
        Prediction p = reference.Predict([1.0, 6.0], reference["Intercept"].Value + (6 * reference["Slope"].Value));
        Prediction q = scaled.Predict([1.0, 6.0], scaled["Intercept"].Value + (6 * scaled["Slope"].Value));
        bool close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a));
        return (close(p.PredictionUpper, q.PredictionUpper) && close(p.ConfidenceLower, q.ConfidenceLower)
                && close(reference["Slope"].StandardError, scaled["Slope"].StandardError)
                && close(reference.Statistics.RSquared, scaled.Statistics.RSquared)).Label($"c = {c}");
    }

    [Fact]
    public void Bad_input_is_rejected_with_the_argument_named()
    {
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => LinearLeastSquares.FitLine([1.0, 2, 3], [1.0, 2])).ParamName);
        Assert.Contains("at least 3", Assert.Throws<ArgumentException>(() => LinearLeastSquares.FitLine([1.0, 2], [1.0, 2])).Message, StringComparison.Ordinal);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => LinearLeastSquares.FitLine([1.0, double.NaN, 3], [1.0, 2, 3])).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => LinearLeastSquares.FitLine([1.0, 2, 3], [1.0, double.PositiveInfinity, 3])).ParamName);
        Assert.Contains("equal", Assert.Throws<ArgumentException>(() => LinearLeastSquares.FitLine([2.0, 2, 2], [1.0, 2, 3])).Message, StringComparison.Ordinal);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => LinearLeastSquares.FitLine([1.0, 2, 3], [1.0, 2, 3], [1.0, 0, 1])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => LinearLeastSquares.FitLine([1.0, 2, 3], [1.0, 2, 3], [1.0, 1])).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearLeastSquares.FitLine([1.0, 2, 3], [1.0, 2, 4], options: new LinearFitOptions(ConfidenceLevel: 1.5)));
        Assert.Equal("design", Assert.Throws<ArgumentException>(() => LinearLeastSquares.Fit([1.0, 2, 3], [1.0, 2, 3], [new("a", ""), new("b", "")])).ParamName);
        Assert.Throws<ArgumentException>(() => LinearLeastSquares.Fit([1.0, 2, 3], [1.0, 2, 3], ImmutableArray<ParameterDefinition>.Empty));
    }
}
