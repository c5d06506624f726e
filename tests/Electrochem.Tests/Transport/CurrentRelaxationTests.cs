using Electrochem.Fitting;
using Electrochem.Transport;

namespace Electrochem.Tests.Transport;

public class CurrentRelaxationTests
{
    [Fact]
    public void Vectorised_evaluate_equals_scalar_for_every_length_0_to_256()
    {
        var model = new CurrentRelaxation(2e-5, 1.4e-5, 350, 12);
        var random = new TestData(9);
        for (int length = 0; length <= 256; length++)
        {
            double[] t = Enumerable.Range(0, length).Select(_ => random.Uniform(12, 5000)).ToArray();
            var vector = new double[length];
            model.Evaluate(t, vector);
            for (int k = 0; k < length; k++)
            {
                Assert.Equal(model.Evaluate(t[k]), vector[k], 1e-19);
            }
        }

        Assert.Equal(2e-5, model.Evaluate(12), 1e-20);
        Assert.Equal("current", Assert.Throws<ArgumentException>(() => model.Evaluate([1.0, 2.0], new double[1])).ParamName);
    }

    [Fact]
    public void Fit_recovers_the_relaxation_and_rejects_unsorted_time()
    {
        var truth = new CurrentRelaxation(3e-5, 1e-5, 420, 0);
        double[] t = TestData.Linspace(0, 5000, 501);
        var random = new TestData(4);
        double[] i = t.Select(x => truth.Evaluate(x) + (5e-8 * random.Normal())).ToArray();
        FitResult<CurrentRelaxation> fit = CurrentRelaxation.Fit(t, i, 0);
        Assert.True(fit.Converged, fit.StatusReason);
        // 99.9 % intervals, so the test fails by chance about once in a thousand seeds, not once in twenty.
        foreach ((string name, double value) in new[] { (CurrentRelaxation.TimeConstantName, 420.0), (CurrentRelaxation.SteadyStateCurrentName, 1e-5), (CurrentRelaxation.InitialCurrentName, 3e-5) })
        {
            (double lower, double upper) = fit.ConfidenceInterval(name, 0.999);
            Assert.InRange(value, lower, upper);
        }

        t[3] = t[1];
        Assert.Equal("timeSeconds", Assert.Throws<ArgumentException>(() => CurrentRelaxation.Fit(t, i, 0)).ParamName);
        Assert.Equal("timeSeconds", Assert.Throws<ArgumentException>(() => CurrentRelaxation.Fit([5.0, 6, 7, 8], [1.0, 2, 3, 4], 6)).ParamName);
    }
}
