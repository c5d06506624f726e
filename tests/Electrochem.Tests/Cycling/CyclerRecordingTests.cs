using System.Collections.Immutable;
using Electrochem.Cycling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.Tests.Cycling;

public sealed class CyclerRecordingTests
{
    private static RecordingColumn Column(RecordingQuantity quantity, double[] values, string? name = null) =>
        new(name ?? RecordingQuantities.CanonicalName(quantity), quantity, RecordingQuantities.Unit(quantity), values, ColumnOrigin.AsWritten(name ?? quantity.ToString(), null));

    private static CyclerRecording Make(double[] time, double[]? cycle = null, RecordingTimeOrder order = RecordingTimeOrder.Reject)
    {
        int n = time.Length;
        var columns = new List<RecordingColumn>
        {
            Column(RecordingQuantity.TestTime, time),
            Column(RecordingQuantity.Current, [.. Enumerable.Range(0, n).Select(i => i % 2 == 0 ? 1.0 : -1.0)]),
            Column(RecordingQuantity.Voltage, [.. Enumerable.Range(0, n).Select(i => 3.0 + (0.001 * i))]),
        };
        if (cycle is not null)
        {
            columns.Add(Column(RecordingQuantity.CycleIndex, cycle));
        }

        var state = new RecordingTextColumn("step_type", Enumerable.Range(0, n).Select(i => i % 3 == 0 ? -1 : i % 2).ToArray(), ["C", "D"], ColumnOrigin.AsWritten("State", null), isStepType: true);
        return CyclerRecording.Create("test", "generated", RecordingMetadata.Empty, columns, [state], null, order);
    }

    [Fact]
    public void Exposes_required_and_optional_columns_in_their_units()
    {
        CyclerRecording r = Make([0, 1, 2, 3], [1, 1, 2, 2]);
        Assert.Equal(4, r.RowCount);
        Assert.Equal("s", r.TestTime.Unit);
        Assert.Equal("A", r.Current.Unit);
        Assert.Equal("V", r.Voltage.Unit);
        Assert.NotNull(r.CycleIndex);
        Assert.Null(r.StepIndex);
        Assert.Null(r.ChargeCapacity);
        Assert.Empty(r.Temperatures);
        Assert.NotNull(r.StepType);
        Assert.Null(r.StepType![0]);
        Assert.Equal("D", r.StepType[1]);
    }

    [Fact]
    public void Refuses_time_that_goes_backwards_naming_the_row()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => Make([0, 1, 0.5, 2]));
        Assert.Contains("row 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("RecordingTimeOrder.Sort", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sorting_is_stable_moves_every_column_and_warns()
    {
        CyclerRecording r = Make([0, 2, 1, 1, 3], [1, 2, 3, 4, 5], RecordingTimeOrder.Sort);
        Assert.Equal([0, 1, 1, 2, 3], r.TestTime.Values.ToArray());
        Assert.Equal([1, 3, 4, 2, 5], r.CycleIndex!.Values.ToArray());          // ties keep file order (3 before 4)
        Assert.Equal([3.000, 3.002, 3.003, 3.001, 3.004], r.Voltage.Values.ToArray());
        Assert.Equal([-1, 0, -1, 1, 0], r.StepType!.Codes.ToArray());       // codes of rows 0, 2, 3, 1, 4
        Assert.Single(r.Warnings);
        Assert.Contains("3 of 5 rows were moved", r.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_missing_required_column_non_finite_values_and_unequal_lengths()
    {
        RecordingColumn time = Column(RecordingQuantity.TestTime, [0, 1]);
        RecordingColumn current = Column(RecordingQuantity.Current, [0, 1]);
        RecordingColumn voltage = Column(RecordingQuantity.Voltage, [3, 3]);
        Assert.Contains("voltage", Assert.Throws<ArgumentException>(() => CyclerRecording.Create("s", "f", RecordingMetadata.Empty, [time, current])).Message, StringComparison.Ordinal);
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => CyclerRecording.Create("s", "f", RecordingMetadata.Empty, [time, current, Column(RecordingQuantity.Voltage, [3, double.NaN])])).Message, StringComparison.Ordinal);
        Assert.Contains("3 rows", Assert.Throws<ArgumentException>(() => CyclerRecording.Create("s", "f", RecordingMetadata.Empty, [time, current, voltage, Column(RecordingQuantity.StepIndex, [1, 2, 3])])).Message, StringComparison.Ordinal);
        Assert.Contains("at most one", Assert.Throws<ArgumentException>(() => CyclerRecording.Create("s", "f", RecordingMetadata.Empty, [time, current, voltage, Column(RecordingQuantity.StepIndex, [1, 2]), Column(RecordingQuantity.StepIndex, [1, 2], "step_index_2")])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new RecordingColumn("current", RecordingQuantity.Current, "mA", new double[2], ColumnOrigin.AsWritten("I", "mA")));
    }

    [Fact]
    public void Cycle_selection_slices_contiguous_cycles_and_gathers_scattered_ones()
    {
        CyclerRecording r = Make([0, 1, 2, 3, 4, 5], [1, 1, 2, 2, 1, 3]);
        CyclerRecording two = r.WhereCycle(2);
        Assert.Equal([2, 3], two.TestTime.Values.ToArray());
        CyclerRecording one = r.WhereCycle(1);
        Assert.Equal([0, 1, 4], one.TestTime.Values.ToArray());
        Assert.Equal(["C", "D", "C"], [.. Enumerable.Range(0, 3).Select(i => one.StepType![i] ?? "C")]);
        Assert.Throws<ArgumentException>(() => r.WhereCycle(7));
        Assert.Throws<InvalidOperationException>(() => Make([0, 1]).WhereCycle(1));
        Assert.Equal([(0, 2), (2, 2), (4, 1), (5, 1)], CyclerRecording.Runs(r.CycleIndex!).ToArray());
    }

    [Fact]
    public void Slices_share_memory_and_check_their_range()
    {
        CyclerRecording r = Make([0, 1, 2, 3]);
        CyclerRecording s = r.Slice(1, 2);
        Assert.Equal([1, 2], s.TestTime.Values.ToArray());
        Assert.True(s.TestTime.Memory.Span.Overlaps(r.TestTime.Memory.Span));
        Assert.Throws<ArgumentOutOfRangeException>(() => r.Slice(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => r.Slice(0, 0));
    }

    [Property(MaxTest = 200)]
    public Property Sorted_recordings_are_non_decreasing_permutations_of_the_input(int seed)
    {
        var data = new TestData((ulong)seed);
        int n = 1 + (int)(data.Uniform() * 60);
        double[] time = [.. Enumerable.Range(0, n).Select(_ => Math.Round(data.Uniform(0, 20)))];
        double[] id = [.. Enumerable.Range(0, n).Select(i => (double)i)];
        CyclerRecording r = Make(time, id, RecordingTimeOrder.Sort);
        double[] t = r.TestTime.Values.ToArray();
        double[] rows = r.CycleIndex!.Values.ToArray();
        bool ordered = Enumerable.Range(1, n - 1).All(i => t[i - 1] < t[i] || (t[i - 1] == t[i] && rows[i - 1] < rows[i]));
        bool permutation = rows.Order().SequenceEqual(id) && rows.Select(k => time[(int)k]).SequenceEqual(t);
        return (ordered && permutation).ToProperty();
    }

    [Fact]
    public void Canonical_names_and_units_cover_every_quantity()
    {
        foreach (RecordingQuantity q in Enum.GetValues<RecordingQuantity>().Where(q => q != RecordingQuantity.Other))
        {
            Assert.False(string.IsNullOrEmpty(RecordingQuantities.CanonicalName(q)));
            _ = RecordingQuantities.Unit(q);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => RecordingQuantities.CanonicalName(RecordingQuantity.Other));
        Assert.Equal("2019-02-22T16:21:35", new RecordingStartTime(new DateTime(2019, 2, 22, 16, 21, 35), null, "header").ToString());
        Assert.Equal("2019-02-22T16:21:35+01:00", new RecordingStartTime(new DateTime(2019, 2, 22, 16, 21, 35), TimeSpan.FromHours(1), "header").ToString());
        Assert.Throws<ArgumentException>(() => new RecordingTextColumn("s", new[] { 2 }, ImmutableArray.Create("a"), ColumnOrigin.AsWritten("s", null)));
    }
}
