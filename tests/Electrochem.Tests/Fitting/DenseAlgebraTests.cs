using Electrochem.Fitting;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.Tests.Fitting;

/// <summary>The library's Householder least squares against a closed form, a known solution and rank deficiency.</summary>
public sealed class DenseAlgebraTests
{
    [Fact]
    public void A_straight_line_matches_the_closed_form()
    {
        double[] t = [0, 1, 2, 3, 4];
        double[] y = [1.1, 2.9, 5.2, 7.1, 8.8];
        double[] a = [.. t.SelectMany(v => new[] { 1.0, v })];
        double[] b = [.. y];
        var x = new double[2];
        Assert.True(DenseAlgebra.LeastSquaresQr(a, 5, 2, b, x, 1e-10));
        double meanT = t.Average();
        double meanY = y.Average();
        double slope = t.Zip(y).Sum(p => (p.First - meanT) * (p.Second - meanY)) / t.Sum(v => (v - meanT) * (v - meanT));
        Assert.Equal(slope, x[1], 1e-12);
        Assert.Equal(meanY - (slope * meanT), x[0], 1e-12);
    }

    // A consistent system A·x = b (b made from a known x) is solved exactly, to rounding, for random well-conditioned A.
    [Property(MaxTest = 100)]
    public Property A_consistent_system_is_solved_exactly(int seed)
    {
        var random = new TestData((ulong)seed);
        int columns = 1 + (int)(random.Uniform() * 8);
        int rows = columns + (int)(random.Uniform() * 20);
        double[] truth = [.. Enumerable.Range(0, columns).Select(_ => random.Uniform(-5, 5))];
        double[] a = [.. Enumerable.Range(0, rows * columns).Select(_ => random.Normal())];
        double[] b = [.. Enumerable.Range(0, rows).Select(i => Enumerable.Range(0, columns).Sum(j => a[(i * columns) + j] * truth[j]))];
        var x = new double[columns];
        bool solved = DenseAlgebra.LeastSquaresQr(a, rows, columns, b, x, 1e-10);
        double error = truth.Zip(x).Max(p => Math.Abs(p.First - p.Second));
        return (solved && error < 1e-9).Label($"{rows}×{columns}: solved {solved}, largest error {error}");
    }

    [Fact]
    public void A_rank_deficient_system_is_reported_not_solved()
    {
        double[] a = [1, 2, 2, 4, 3, 6];   // the second column is twice the first
        var x = new double[2];
        Assert.False(DenseAlgebra.LeastSquaresQr(a, 3, 2, [1.0, 2, 3], x, 1e-10));
    }
}
