using Electrochem.Cycling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.Tests.Cycling;

public sealed class RetentionTests
{
    [Fact]
    public void The_papers_97_59_percent_is_97_465_percent_against_the_first_5C_cycle_and_the_references_that_give_it_are_named()
    {
        // NCM622‖Li at 5 C: 149.9 mAh/g in the first cycle, 146.1 mAh/g after 165 cycles; the paper reports 97.59 %.
        int[] cycles = [.. Enumerable.Range(1, 165)];
        double[] capacity = [.. cycles.Select(n => 149.9 - (3.8 * (n - 1) / 164.0))];
        CapacityRetention retention = CapacityRetention.Compute(cycles, capacity, RetentionReference.First);
        Assert.Equal(97.4650, retention.FinalRetentionPercent, 1e-3);
        // 146.1 / 149.9 = 97.46498 %: "97.47" only after rounding twice; printed to three decimals.
        Assert.Equal("97.465 % at cycle 165, against the first cycle (149.9)", retention.ToString());

        // With a steady fade between the two published capacities, 97.59 % is the last cycle against cycle 9 (149.71),
        // or against the mean or median of the first 17 or so — not against the first 5 C cycle.
        RetentionExplanation why = CapacityRetention.Explain(cycles, capacity, 97.59);
        Assert.Contains(why.Matches, m => m.Reference == RetentionReference.AtCycle(9));
        Assert.Contains(why.Matches, m => m.Reference.Kind == RetentionReferenceKind.MeanOfFirst);
        Assert.DoesNotContain(why.Matches, m => m.Reference == RetentionReference.AtCycle(1));
        Assert.Equal(146.1 / 0.9759, why.ImpliedReferenceCapacity, 1e-9); // 149.708 mAh/g
        Assert.Equal(97.465, why.AgainstFirstCyclePercent, 1e-3);
    }

    [Fact]
    public void Explain_names_the_references_that_reproduce_a_published_value()
    {
        // The third cycle is low (149.71): against it, and nothing else, the last cycle shows 97.59 %.
        int[] cycles = [1, 2, 3, 4, 5, 6];
        double[] capacity = [149.9, 149.95, 149.71, 149.9, 148, 146.1];
        RetentionExplanation why = CapacityRetention.Explain(cycles, capacity, 97.59);
        (RetentionReference reference, double percent) = Assert.Single(why.Matches);
        Assert.Equal(RetentionReference.AtCycle(3), reference);
        Assert.Equal(97.588, percent, 1e-3);

        Assert.Equal(100 * 146.1 / 149.9, CapacityRetention.Compute(cycles, capacity, RetentionReference.MedianOfFirst(4)).FinalRetentionPercent, 1e-9);
        Assert.Equal(100 * 146.1 / 149.95, CapacityRetention.Compute(cycles, capacity, RetentionReference.MaximumOfFirst(3)).FinalRetentionPercent, 1e-9);
        Assert.Equal(100 * 148 / 149.71, CapacityRetention.Compute(cycles, capacity, RetentionReference.AtCycle(3)).At(5), 1e-9);
    }

    [Fact]
    public void Retention_refuses_what_it_cannot_compute()
    {
        Assert.Contains("expected one capacity per cycle", Assert.Throws<ArgumentException>(() => CapacityRetention.Compute([1, 2], [1.0], RetentionReference.First)).Message, StringComparison.Ordinal);
        Assert.Contains("leave incomplete cycles out", Assert.Throws<ArgumentException>(() => CapacityRetention.Compute([1, 2], [1.0, 0], RetentionReference.First)).Message, StringComparison.Ordinal);
        Assert.Contains("increasing", Assert.Throws<ArgumentException>(() => CapacityRetention.Compute([2, 1], [1.0, 1], RetentionReference.First)).Message, StringComparison.Ordinal);
        Assert.Equal("reference", Assert.Throws<ArgumentOutOfRangeException>(() => CapacityRetention.Compute([1, 2], [1.0, 1], RetentionReference.AtCycle(7))).ParamName);
        Assert.Equal("reference", Assert.Throws<ArgumentOutOfRangeException>(() => CapacityRetention.Compute([1, 2], [1.0, 1], RetentionReference.MedianOfFirst(40))).ParamName);
    }

    [Fact]
    public void Periodic_check_ups_are_separated_from_the_series_and_formation_is_recognised()
    {
        // The reference study's LFP test at 10 C: three formation cycles at C/10, then 50 cycles at 10 C and five 1 C
        // check-ups, seventeen times (850 series cycles).
        var cycles = new List<int>();
        var rates = new List<double>();
        int n = 0;
        for (int k = 0; k < 3; k++)
        {
            cycles.Add(++n);
            rates.Add(0.1);
        }

        for (int block = 0; block < 17; block++)
        {
            for (int k = 0; k < 50; k++)
            {
                cycles.Add(++n);
                rates.Add(10 * (1 + (0.01 * Math.Sin(n))));
            }

            for (int k = 0; k < 5; k++)
            {
                cycles.Add(++n);
                rates.Add(1);
            }
        }

        CyclingProtocol protocol = CyclingProtocol.Segment([.. cycles], [.. rates]);
        Assert.Equal(ProtocolRole.Formation, protocol.Blocks[0].Role);
        Assert.Equal(850, protocol.SeriesCycles.Length);
        Assert.Equal(85, protocol.CheckUpCycles.Length);
        Assert.Equal(17, protocol.Blocks.Count(b => b.Role == ProtocolRole.CheckUp));
        Assert.Contains(protocol.Notes, note => note.StartsWith("series: 850 of 938", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rate_test_is_all_rate_steps_and_its_return_to_the_first_rate_is_marked()
    {
        // NCM622 rate capability: five cycles each at 1, 3, 6, 9, 12 C, then back to 1 C.
        double[] steps = [1, 3, 6, 9, 12, 1];
        double[] rates = [.. steps.SelectMany(r => Enumerable.Repeat(r, 5))];
        CyclingProtocol protocol = CyclingProtocol.Segment([.. Enumerable.Range(1, rates.Length)], rates);
        Assert.Equal(6, protocol.Blocks.Length);
        Assert.All(protocol.Blocks, b => Assert.Equal(ProtocolRole.RateStep, b.Role));
        Assert.Equal([false, false, false, false, false, true], protocol.Blocks.Select(b => b.ReturnsToFirstRate));
        Assert.True(protocol.SeriesCycles.IsEmpty);
        Assert.Contains(protocol.Notes, note => note.Contains("a rate test", StringComparison.Ordinal));
    }

    [Fact]
    public void Series_retention_and_efficiency_come_from_a_cycle_table_without_the_check_ups()
    {
        // 12 cycles at 1 A with 2 check-up cycles at 0.2 A after cycles 5 and 10; discharge fades 1 % per cycle.
        var cell = new SyntheticCycling(14, 1.0, 3600, 3500, 60, 30, FadePerCycle: 0.01, DischargeCurrentOf: n => n is 6 or 12 ? 0.2 : 1.0);
        CycleTable table = CycleTable.From(cell.Build(), new CycleTableOptions(EfficiencyConvention.ChargeFirst));
        CyclingProtocol protocol = CyclingProtocol.Segment(table);
        Assert.Equal([6, 12], protocol.CheckUpCycles);
        CapacityRetention retention = protocol.SeriesRetention(table, RetentionReference.First);
        Assert.DoesNotContain(6, retention.Cycles);
        Assert.Equal(100 * cell.ExpectedDischarge(14) / cell.ExpectedDischarge(1), retention.FinalRetentionPercent, 1e-9);
        (double mean, _, double minimum, _, int count) = protocol.SeriesCoulombicEfficiency(table);
        Assert.Equal(12, count);
        Assert.Equal(Enumerable.Range(1, 14).Where(k => k is not (6 or 12)).Average(k => 100 * cell.ExpectedDischarge(k) / cell.ExpectedCharge(k)), mean, 1e-9);
        Assert.True(minimum < mean);
    }

    [Property(MaxTest = 200)]
    public Property Retention_against_a_reference_is_the_ratio_and_scales_out(PositiveInt length, PositiveInt k, double scale)
    {
        int count = 2 + (length.Get % 60);
        var random = new Random(length.Get);
        int[] cycles = [.. Enumerable.Range(1, count)];
        double[] capacity = [.. cycles.Select(_ => 100 + (10 * random.NextDouble()))];
        double factor = double.IsFinite(scale) ? 0.001 + Math.Abs(scale % 1000) : 1;
        RetentionReference reference = (k.Get % 4) switch
        {
            0 => RetentionReference.First,
            1 => RetentionReference.MaximumOfFirst(1 + (k.Get % count)),
            2 => RetentionReference.MedianOfFirst(1 + (k.Get % count)),
            _ => RetentionReference.AtCycle(1 + (k.Get % count)),
        };
        CapacityRetention a = CapacityRetention.Compute(cycles, capacity, reference);
        CapacityRetention b = CapacityRetention.Compute(cycles, [.. capacity.Select(q => q * factor)], reference);
        bool ratio = a.RetentionPercent.Select((p, i) => Math.Abs(p - (100 * capacity[i] / a.ReferenceCapacity)) < 1e-9).All(x => x);
        bool unitFree = a.RetentionPercent.Zip(b.RetentionPercent).All(p => Math.Abs(p.First - p.Second) < 1e-9 * p.First);
        return (ratio && unitFree).ToProperty();
    }
}
