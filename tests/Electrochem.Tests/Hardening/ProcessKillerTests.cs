using System.Text;
using Electrochem.Impedance;

namespace Electrochem.Tests.Hardening;

/// <summary>Inputs that once ended the process (stack overflow, out of memory, a third-party exception) now get a clear error.</summary>
public sealed class ProcessKillerTests
{
    private static string Nested(int depth)
    {
        var text = new StringBuilder();
        for (int k = 0; k < depth; k++)
        {
            text.Append("p(R").Append(k).Append(',');
        }

        text.Append("C0");
        text.Append(')', depth);
        return text.ToString();
    }

    /// <summary>Runs on a thread with a 256 KiB stack, as a server's worker might have.</summary>
    private static T OnSmallStack<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, 256 * 1024);
        thread.Start();
        thread.Join();
        return failure is null ? result : throw failure;
    }

    [Fact]
    public void Deeply_nested_circuit_strings_are_refused_with_the_position_and_the_limit()
    {
        var e = Assert.Throws<CircuitFormatException>(() => OnSmallStack(() => Circuit.Parse(Nested(100_000))));
        Assert.Contains($"more than {Circuit.MaximumNesting} levels deep", e.Message, StringComparison.Ordinal);
        Assert.Throws<CircuitFormatException>(() => OnSmallStack(() => Circuit.Parse(string.Concat(Enumerable.Repeat("p(", 60_000)))));
        Assert.Equal(Circuit.MaximumNesting, OnSmallStack(() => Circuit.Parse(Nested(Circuit.MaximumNesting))).Root is ParallelNode ? Circuit.MaximumNesting : -1);
        Assert.Throws<CircuitFormatException>(() => Circuit.Parse(Nested(Circuit.MaximumNesting + 1)));
    }

    [Fact]
    public void Deep_trees_built_in_code_are_refused_and_long_series_stay_flat()
    {
        CircuitNode node = new ElementNode(CircuitElements.FromSymbol("R"), "0");
        var e = Assert.Throws<ArgumentException>(() =>
        {
            for (int k = 1; k < 10_000; k++)
            {
                node = new ParallelNode(node, new ElementNode(CircuitElements.FromSymbol("C"), k.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        });
        Assert.Contains("nests parallels 65 levels deep", e.Message, StringComparison.Ordinal);

        CircuitNode series = new ElementNode(CircuitElements.FromSymbol("R"), "0");
        for (int k = 1; k < 2_000; k++)
        {
            series = new SeriesNode(series, new ElementNode(CircuitElements.FromSymbol("R"), k.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Circuit flat = OnSmallStack(() => new Circuit(series)); // a left-nested series is flattened: no depth to overflow
        Assert.Equal(2_000, flat.Elements.Length);
    }

    [Fact]
    public void Lin_KK_with_a_huge_element_count_is_refused_up_front()
    {
        var spectrum = new ImpedanceSpectrum([1.0, 10, 100, 1000], [10.0, 9, 6, 5], [-1.0, -2, -1.5, -0.5]);
        Assert.Contains("between 1 and 10000", Assert.Throws<ArgumentOutOfRangeException>(() => LinearKramersKronig.Test(spectrum, new LinearKramersKronigOptions(MaximumElementCount: 100_000))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearKramersKronig.Test(spectrum, new LinearKramersKronigOptions(MaximumElementCount: int.MaxValue)));
        Assert.Contains("spectrum has 4 points", Assert.Throws<ArgumentOutOfRangeException>(() => LinearKramersKronig.Test(spectrum, new LinearKramersKronigOptions(MaximumElementCount: 5) { Selection = KramersKronigSelection.Fixed })).Message, StringComparison.Ordinal);
        Assert.True(LinearKramersKronig.Test(spectrum, new LinearKramersKronigOptions(Cutoff: 0.01, MaximumElementCount: 50) { Selection = KramersKronigSelection.MuCriterion }).ElementCount <= 4);
    }
}
