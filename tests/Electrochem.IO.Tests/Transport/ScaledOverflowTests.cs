using Electrochem.IO.Tables;
using Electrochem.IO.Transport;

namespace Electrochem.IO.Tests.Transport;

public sealed class ScaledOverflowTests
{
    [Fact]
    public void A_time_that_overflows_when_converted_to_seconds_is_refused_with_its_line()
    {
        using var reader = new StringReader("t (h),I (mA)\n0,1\n1e306,0.5\n2,0.4\n");
        DataFileResult<DelimitedTable> table = DelimitedTable.TryRead(reader, "trace.csv");
        DataFileResult<ChronoamperometryTable> trace = ChronoamperometryTable.TryFromTable(table.Value);
        Assert.False(trace.IsSuccess);
        Assert.Equal(3, trace.Error.LineNumber);
        Assert.Contains("not a finite number once converted to s", trace.Error.Problem, StringComparison.Ordinal);
    }
}
