using Electrochem.Fitting;
using Electrochem.Transport;

namespace Electrochem.Tests.Fitting;

public class BatchFitTests
{
    private static (double[] Kelvin, double[] Sigma)[] Samples(int count)
    {
        var random = new TestData(41);
        double[] t = Transport.ArrheniusTests.Celsius(30, 70, 5);
        return Enumerable.Range(0, count)
            .Select(_ => (t, Transport.ArrheniusTests.Conductivities(t, random.Uniform(0.05, 0.6), 1e-4, 300, 0.02, random)))
            .ToArray();
    }

    [Fact]
    public void A_batch_gives_exactly_the_results_of_fitting_one_at_a_time_in_input_order()
    {
        var samples = Samples(300);
        var batch = BatchFit.FitMany(samples, (s, _) => Arrhenius.Fit(s.Kelvin, s.Sigma, ArrheniusForm.Conductivity));

        Assert.Equal(300, batch.Length);
        for (int i = 0; i < samples.Length; i++)
        {
            FitResult<Arrhenius> alone = Arrhenius.Fit(samples[i].Kelvin, samples[i].Sigma, ArrheniusForm.Conductivity);
            Assert.Equal(i, batch[i].Index);
            Assert.True(batch[i].Succeeded);
            Assert.Equal(alone.Model, batch[i].Result!.Model);
            Assert.Equal(alone["ActivationEnergy"], batch[i].Result!["ActivationEnergy"]);
        }
    }

    [Fact]
    public void Nonlinear_fits_in_parallel_equal_sequential_ones()
    {
        var samples = Samples(40);
        var parallel = BatchFit.FitMany(samples, (s, token) => VogelTammannFulcher.Fit(s.Kelvin, s.Sigma, cancellationToken: token));
        var sequential = BatchFit.FitMany(samples, (s, token) => VogelTammannFulcher.Fit(s.Kelvin, s.Sigma, cancellationToken: token), maxDegreeOfParallelism: 1);
        for (int i = 0; i < samples.Length; i++)
        {
            Assert.Equal(sequential[i].Result!.Model, parallel[i].Result!.Model);
            Assert.Equal(sequential[i].Result!.Status, parallel[i].Result!.Status);
        }
    }

    [Fact]
    public void A_rejected_dataset_becomes_an_error_at_its_index_and_the_rest_are_fitted()
    {
        var samples = Samples(5);
        samples[2] = (samples[2].Kelvin, samples[2].Sigma.Select((s, i) => i == 3 ? -s : s).ToArray());
        var batch = BatchFit.FitMany(samples, (s, _) => Arrhenius.Fit(s.Kelvin, s.Sigma, ArrheniusForm.Conductivity));

        Assert.False(batch[2].Succeeded);
        Assert.Null(batch[2].Result);
        Assert.Contains("conductivity[3]", batch[2].Error, StringComparison.Ordinal);
        Assert.All(batch.Where(o => o.Index != 2), o => Assert.True(o.Succeeded));
    }

    [Fact]
    public void Cancellation_stops_the_batch()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => BatchFit.FitMany(Samples(10), (s, _) => Arrhenius.Fit(s.Kelvin, s.Sigma, ArrheniusForm.Conductivity), cancellationToken: source.Token));
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchFit.FitMany(Samples(1), (s, _) => 0, maxDegreeOfParallelism: 0));
    }

    // Fits run on dedicated threads, never on the thread pool: a batch that filled the pool used to starve the pool's
    // timers, so a CancelAfter fired seconds late (issue #18). Cancellation from a timer then stops the batch.
    [Fact]
    public void Fits_run_off_the_thread_pool_and_a_timer_cancels_the_batch()
    {
        int onPool = 0;
        var batch = BatchFit.FitMany(Enumerable.Range(0, 16).ToArray(), (i, _) =>
        {
            Interlocked.Add(ref onPool, Thread.CurrentThread.IsThreadPoolThread ? 1 : 0);
            return i * 2;
        }, maxDegreeOfParallelism: 4);
        Assert.Equal(0, onPool);
        Assert.Equal(Enumerable.Range(0, 16).Select(i => i * 2), batch.Select(o => o.Result));

        using var source = new CancellationTokenSource();
        source.CancelAfter(TimeSpan.FromMilliseconds(50));
        Assert.ThrowsAny<OperationCanceledException>(() => BatchFit.FitMany(Enumerable.Range(0, 10_000).ToArray(), (i, token) =>
        {
            token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(20));
            token.ThrowIfCancellationRequested();
            return i;
        }, cancellationToken: source.Token));
    }

    [Fact]
    public void Each_outcome_handed_over_equals_the_kept_batch_and_a_rejected_dataset_stays_an_error()
    {
        var samples = Samples(200);
        samples[7] = (samples[7].Kelvin, samples[7].Sigma.Select((s, i) => i == 1 ? double.NaN : s).ToArray());
        var kept = BatchFit.FitMany(samples, (s, _) => Arrhenius.Fit(s.Kelvin, s.Sigma, ArrheniusForm.Conductivity));
        var handed = new BatchOutcome<FitResult<Arrhenius>>?[samples.Length];

        int count = BatchFit.FitEach(samples, (s, _) => Arrhenius.Fit(s.Kelvin, s.Sigma, ArrheniusForm.Conductivity), o => handed[o.Index] = o, maxDegreeOfParallelism: 2);

        Assert.Equal(samples.Length, count);
        for (int i = 0; i < samples.Length; i++)
        {
            Assert.Equal(i, handed[i]!.Index);
            Assert.Equal(kept[i].Error, handed[i]!.Error);
            Assert.Equal(kept[i].Result?.Model, handed[i]!.Result?.Model);
        }

        Assert.False(handed[7]!.Succeeded);
    }

    [Fact]
    public void A_lazy_source_is_read_once_one_item_at_a_time_and_the_handler_never_runs_twice_at_once()
    {
        int enumerations = 0;
        int read = 0;
        IEnumerable<int> Source()
        {
            Interlocked.Increment(ref enumerations);
            for (int i = 0; i < 2_000; i++)
            {
                Interlocked.Increment(ref read);
                yield return i;
            }
        }

        int inside = 0;
        int overlaps = 0;
        var seen = new bool[2_000];
        int count = BatchFit.FitEach(Source(), (i, _) =>
        {
            Thread.SpinWait(200);
            return i * 3;
        }, o =>
        {
            overlaps += Interlocked.Increment(ref inside) > 1 ? 1 : 0;
            Assert.Equal(o.Index * 3, o.Result);
            Assert.False(seen[o.Index]);
            seen[o.Index] = true;
            Thread.SpinWait(50);
            Interlocked.Decrement(ref inside);
        }, maxDegreeOfParallelism: 4);

        Assert.Equal(2_000, count);
        Assert.Equal(1, enumerations);
        Assert.Equal(2_000, read);
        Assert.All(seen, Assert.True);
        Assert.Equal(0, overlaps);
    }

    [Fact]
    public void A_handler_that_throws_stops_the_batch_and_cancellation_stops_it_too()
    {
        int handled = 0;
        Exception thrown = Assert.ThrowsAny<Exception>(() => BatchFit.FitEach(Enumerable.Range(0, 10_000), (i, _) => i, o =>
        {
            if (++handled == 10)
            {
                throw new InvalidOperationException("disk full");
            }
        }, maxDegreeOfParallelism: 2));
        Assert.Contains("disk full", thrown is AggregateException a ? a.InnerExceptions[0].Message : thrown.Message, StringComparison.Ordinal);
        Assert.InRange(handled, 10, 11);

        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => BatchFit.FitEach(Enumerable.Range(0, 10), (i, _) => i, _ => { }, cancellationToken: source.Token));
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchFit.FitEach(Enumerable.Range(0, 10), (i, _) => i, _ => { }, maxDegreeOfParallelism: 0));
    }
}
