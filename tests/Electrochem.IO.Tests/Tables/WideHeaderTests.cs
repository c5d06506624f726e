using Electrochem.IO.Impedance;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Tests.Tables;

/// <summary>Very wide headers: duplicates found in one pass, a cap with a clear error, messages that quote a handful of names.</summary>
public sealed class WideHeaderTests
{
    private static string Table(int columns, string? duplicateAt = null) =>
        string.Join(",", Enumerable.Range(0, columns).Select(k => duplicateAt is not null && k == columns - 1 ? duplicateAt : $"c{k}")) + "\n"
        + string.Join(",", Enumerable.Repeat("1", columns)) + "\n";

    [Fact]
    public void A_hundred_thousand_columns_read_and_a_late_duplicate_is_named()
    {
        DataFileResult<DelimitedTable> wide = DelimitedTable.TryRead(new StringReader(Table(100_000)), "wide.csv");
        Assert.True(wide.IsSuccess);
        Assert.Equal(100_000, wide.Value.Columns.Length);
        string list = wide.Value.ColumnList();
        Assert.EndsWith("and 99988 more", list, StringComparison.Ordinal);

        DataFileResult<DelimitedTable> duplicate = DelimitedTable.TryRead(new StringReader(Table(100_000, duplicateAt: "c7")), "dup.csv");
        Assert.Contains("columns 8 and 100000 are both named 'c7'", duplicate.Error!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void More_columns_than_the_cap_are_refused_and_impedance_messages_stay_short()
    {
        DataFileResult<DelimitedTable> tooWide = DelimitedTable.TryRead(new StringReader(Table(100_001)), "too-wide.csv");
        Assert.Contains("at most 100000 are read", tooWide.Error!.Problem, StringComparison.Ordinal);

        DataFileResult<ImpedanceData> z = ImpedanceFile.TryRead(new StringReader(Table(50_000)), "wide.csv", ImpedanceFileFormat.DelimitedTable);
        Assert.False(z.IsSuccess);
        Assert.True(z.Error.Problem.Length < 2_000, $"{z.Error.Problem.Length} characters");
    }
}
