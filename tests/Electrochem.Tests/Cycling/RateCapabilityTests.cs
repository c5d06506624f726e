using Electrochem.Cycling;
using Electrochem.Fitting;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.Tests.Cycling;

public sealed class RateCapabilityTests
{
    [Fact]
    public void The_law_has_its_limits()
    {
        var law = new RateCapability(160, 0.05, 0.8);
        Assert.Equal(160, law.Evaluate(1e-6), 1e-3); // R·τ ≪ 1: Q → Q_M (as 1 − (Rτ)ⁿ: slowly)
        double x = 1000 * 0.05;
        Assert.Equal(160 / (2 * Math.Pow(x, 0.8)), law.Evaluate(1000), 0.02 * law.Evaluate(1000)); // R·τ ≫ 1: Q → Q_M/(2(Rτ)ⁿ)
        Assert.True(law.Evaluate(1) > law.Evaluate(5) && law.Evaluate(5) > law.Evaluate(20));
    }

    [Fact]
    public void Exact_data_give_back_their_parameters()
    {
        var truth = new RateCapability(165, 0.02, 0.6);
        double[] rates = [0.1, 0.5, 1, 2, 5, 10, 20];
        FitResult<RateCapability> fit = RateCapability.Fit(rates, [.. rates.Select(truth.Evaluate)]);
        Assert.True(fit.Converged, fit.StatusReason);
        Assert.Equal(165, fit.Model.MaximumCapacity, 1e-6);
        Assert.Equal(0.02, fit.Model.CharacteristicTimeHours, 1e-8);
        Assert.Equal(0.6, fit.Model.Exponent, 1e-6);
    }

    [Theory]
    [InlineData("LFP", new[] { 2.0, 5, 9, 12, 16, 20 }, new[] { 139.0, 124, 108.9, 99, 89.2, 81.9 })]
    [InlineData("NCM622", new[] { 1.0, 3, 6, 9, 12 }, new[] { 165.0, 157.5, 151.5, 147.1, 143.3 })]
    public void The_reference_studys_rate_tables_fit_with_plausible_parameters(string cell, double[] rates, double[] capacity)
    {
        FitResult<RateCapability> fit = RateCapability.Fit(rates, capacity);
        Assert.True(fit.Converged, $"{cell}: {fit.StatusReason}");
        Assert.True(fit.Statistics.ResidualStandardError < 1.5, $"{cell}: residual SE {fit.Statistics.ResidualStandardError} mAh/g");
        Assert.InRange(fit.Model.MaximumCapacity, capacity.Max(), 1.4 * capacity.Max());
        Assert.InRange(fit.Model.CharacteristicTimeHours, 1e-4, 1);
        Assert.InRange(fit.Model.Exponent, 0.1, 3);
        Assert.True(fit.Parameters.All(p => double.IsFinite(p.StandardError)));
        ParameterEstimate tau = RateCapability.CharacteristicTime(fit);
        Assert.Equal(fit.Model.CharacteristicTimeHours, tau.Value, 1e-12);
        Assert.True(tau.ConfidenceLower < tau.Value && tau.Value < tau.ConfidenceUpper);

        FitResult logLinear = RateCapability.LogLinear(rates, capacity);
        Assert.True(logLinear.Parameters[1].Value > 0); // capacity falls with rate
    }

    [Property(MaxTest = 60)]
    public Property Noisy_rate_data_give_back_the_parameters_within_their_uncertainty(PositiveInt seed)
    {
        var truth = new RateCapability(160, 0.03, 0.7);
        double[] rates = [0.1, 0.2, 0.5, 1, 2, 3, 5, 8, 10, 15, 20, 30];
        var random = new Random(seed.Get);
        double[] q = [.. rates.Select(r => truth.Evaluate(r) + (0.5 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))];
        FitResult<RateCapability> fit = RateCapability.Fit(rates, q);
        bool ok = fit.Converged
            && Math.Abs(fit.Parameters[0].Value - 160) <= 5 * fit.Parameters[0].StandardError
            && Math.Abs(fit.Parameters[1].Value - Math.Log(0.03)) <= 5 * fit.Parameters[1].StandardError
            && Math.Abs(fit.Parameters[2].Value - 0.7) <= 5 * fit.Parameters[2].StandardError;
        return ok.ToProperty().Label(string.Join(", ", fit.Parameters.Select(p => $"{p.Name} {p.Value} ± {p.StandardError}")));
    }

    [Fact]
    public void Recovery_and_bad_input()
    {
        Assert.Equal(0.98, RateCapability.Recovery([150, 150], [147, 147]), 1e-12);
        Assert.Throws<ArgumentException>(() => RateCapability.Recovery([], [1.0]));
        Assert.Contains("3 distinct", Assert.Throws<ArgumentException>(() => RateCapability.Fit([1, 1, 2, 2], [5, 5, 4, 4])).Message, StringComparison.Ordinal);
        Assert.Equal("rates", Assert.Throws<ArgumentException>(() => RateCapability.Fit([1, 0, 2, 3], [5, 5, 4, 4])).ParamName);
        Assert.Contains("at least 4 points", Assert.Throws<ArgumentException>(() => RateCapability.Fit([1, 2, 3], [5, 4, 3])).Message, StringComparison.Ordinal);
    }
}
