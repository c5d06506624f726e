using System.Collections.Immutable;
using Electrochem.Fitting;
using Electrochem.Impedance;

namespace Electrochem.Tests.Impedance;

public class CircuitBatchFitTests
{
    private static readonly Circuit Cell = Circuit.Parse("R0-p(R1,CPE1)-p(R2,CPE2)");

    /// <summary>A cell ageing over cycles: the charge-transfer resistance grows 5 % per cycle.</summary>
    private static List<ImpedanceSpectrum> Cycles(int count, ulong seed)
    {
        var random = new TestData(seed);
        return [.. Enumerable.Range(0, count).Select(k => SyntheticSpectra.Generate(Cell, [5, 50, 1e-6, 0.9, 200 * Math.Pow(1.05, k), 1e-3, 0.8], random))];
    }

    [Fact]
    public void Parallel_batch_equals_fitting_one_at_a_time()
    {
        List<ImpedanceSpectrum> spectra = Cycles(8, 21);

        ImmutableArray<BatchOutcome<FitResult<CircuitModel>>> batch = CircuitBatchFit.FitMany(Cell, spectra, maxDegreeOfParallelism: 2);

        Assert.Equal(spectra.Count, batch.Length);
        for (int i = 0; i < spectra.Count; i++)
        {
            FitResult<CircuitModel> alone = CircuitModel.Fit(Cell, spectra[i]);
            Assert.Equal(i, batch[i].Index);
            Assert.Equal(alone.Model.Values, batch[i].Result!.Model.Values);
            Assert.Equal(alone.Statistics, batch[i].Result!.Statistics);
        }
    }

    [Fact]
    public void Outcomes_handed_over_one_by_one_equal_fitting_one_at_a_time()
    {
        List<ImpedanceSpectrum> spectra = Cycles(8, 23);
        var handed = new FitResult<CircuitModel>?[spectra.Count];

        int count = CircuitBatchFit.FitEach(Cell, spectra.Select(s => s), o => handed[o.Index] = o.Result, maxDegreeOfParallelism: 2);

        Assert.Equal(spectra.Count, count);
        for (int i = 0; i < spectra.Count; i++)
        {
            FitResult<CircuitModel> alone = CircuitModel.Fit(Cell, spectra[i]);
            Assert.Equal(alone.Model.Values, handed[i]!.Model.Values);
            Assert.Equal(alone.Statistics, handed[i]!.Statistics);
        }
    }

    [Fact]
    public void Warm_start_equals_one_at_a_time_fits_each_started_from_the_previous_result()
    {
        List<ImpedanceSpectrum> spectra = Cycles(6, 22);
        spectra.Insert(3, new ImpedanceSpectrum([1e3, 1], [1, 2], [-1, -1]));   // rejected: too few points; the chain restarts after it

        ImmutableArray<BatchOutcome<FitResult<CircuitModel>>> batch = CircuitBatchFit.FitMany(Cell, spectra, warmStart: true);

        Assert.False(batch[3].Succeeded);
        Assert.Contains("free parameters", batch[3].Error);
        CircuitFitOptions options = CircuitFitOptions.Default;
        for (int i = 0; i < spectra.Count; i++)
        {
            if (i == 3)
            {
                options = CircuitFitOptions.Default;
                continue;
            }

            FitResult<CircuitModel> alone = CircuitModel.Fit(Cell, spectra[i], options);
            Assert.Equal(alone.Model.Values, batch[i].Result!.Model.Values);
            Assert.Equal(alone.Model.InitialValues, batch[i].Result!.Model.InitialValues);
            options = CircuitFitOptions.Default.WithInitialGuess(Cell, alone.Model.Values.AsSpan());
        }

        // The warm chain really starts from the neighbour: cycle 1's start is cycle 0's result.
        Assert.Equal(batch[0].Result!.Model.Values, batch[1].Result!.Model.InitialValues);
    }

    [Fact]
    public void A_cancelled_batch_throws()
    {
        List<ImpedanceSpectrum> spectra = Cycles(3, 23);
        var cancelled = new CancellationToken(canceled: true);
        Assert.ThrowsAny<OperationCanceledException>(() => CircuitBatchFit.FitMany(Cell, spectra, cancellationToken: cancelled));
        Assert.ThrowsAny<OperationCanceledException>(() => CircuitBatchFit.FitMany(Cell, spectra, warmStart: true, cancellationToken: cancelled));
    }
}
