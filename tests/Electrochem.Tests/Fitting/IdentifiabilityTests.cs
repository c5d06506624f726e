using Electrochem.Fitting;

namespace Electrochem.Tests.Fitting;

public class IdentifiabilityTests
{
    private static FitResult Decay(double tau, double tEnd, double noise)
    {
        double[] t = TestData.Linspace(0, tEnd, 40);
        var random = new TestData(3);
        double[] y = t.Select(v => (2 * Math.Exp(-v / tau)) + 0.5 + (noise * random.Normal())).ToArray();
        var model = new NonlinearModel([new("Amplitude", "V"), new("TimeConstant", "s", 0), new("Offset", "V")], (theta, values) =>
        {
            for (int i = 0; i < t.Length; i++)
            {
                values[i] = (theta[0] * Math.Exp(-t[i] / theta[1])) + theta[2];
            }
        });
        return NonlinearLeastSquares.Fit(model, y, [1.0, tau, 0.0]);
    }

    [Fact]
    public void A_well_designed_experiment_raises_no_warning()
    {
        Assert.Empty(Identifiability.Check(Decay(tau: 2, tEnd: 10, noise: 0.01)));
    }

    [Fact]
    public void Watching_only_the_start_of_a_slow_decay_cannot_separate_amplitude_offset_and_time_constant()
    {
        // Over t ≪ τ the decay is a straight line a + c − a·t/τ: only a + c and a/τ are determined.
        var warnings = Identifiability.Check(Decay(tau: 200, tEnd: 1, noise: 0.001));
        Assert.NotEmpty(warnings);
        Assert.Contains(warnings, w => w.Parameter == "Amplitude" && (w.RelativeStandardError > 1 || Math.Abs(w.Correlation) > 0.99));
    }

    [Fact]
    public void A_singular_fit_warns_that_there_is_no_standard_error()
    {
        double[] x = TestData.Linspace(1, 5, 9);
        var model = new NonlinearModel([new("a", ""), new("b", "")], (theta, values) =>
        {
            for (int i = 0; i < x.Length; i++)
            {
                values[i] = (theta[0] + theta[1]) * x[i];
            }
        });
        FitResult fit = NonlinearLeastSquares.Fit(model, x.Select(v => (2 * v) + (0.01 * Math.Cos(v))).ToArray(), [1.0, 1.0]);
        Assert.Contains(Identifiability.Check(fit), w => w.Reason.Contains("no standard error", StringComparison.Ordinal));
    }

    [Fact]
    public void Limits_are_validated()
    {
        FitResult fit = Decay(2, 10, 0.01);
        Assert.Throws<ArgumentOutOfRangeException>(() => Identifiability.Check(fit, relativeStandardErrorLimit: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Identifiability.Check(fit, correlationLimit: 1.5));
    }
}
