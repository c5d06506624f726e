using Electrochem.IO.Tables;

namespace Electrochem.IO.Tests.Tables;

public sealed class ColumnHeaderTests
{
    [Theory]
    [InlineData("T (K)", "T", "K")]
    [InlineData("T(K)", "T", "K")]
    [InlineData("  T  ( °C )  ", "T", "°C")]
    [InlineData("sigma [S/cm]", "sigma", "S/cm")]
    [InlineData("T/°C", "T", "°C")]
    [InlineData("σ / mS cm-1", "σ", "mS cm-1")]
    [InlineData("sigma/S/cm", "sigma", "S/cm")]
    [InlineData("u(σ)", "u", "σ")]
    [InlineData("1000/T (1/K)", "1000/T", "1/K")]
    public void Splits_name_and_unit(string text, string name, string unit)
    {
        ColumnHeader header = ColumnHeader.Parse(text);
        Assert.Equal(name, header.Name);
        Assert.Equal(unit, header.Unit);
        Assert.Equal(text.Trim(), header.Text);
    }

    [Theory]
    [InlineData("temperature_C")]
    [InlineData("sigma")]
    [InlineData("1000/T")]
    [InlineData("()")]
    [InlineData("/K")]
    public void A_header_without_unit_notation_has_no_unit(string text)
    {
        ColumnHeader header = ColumnHeader.Parse(text);
        Assert.Null(header.Unit);
        Assert.Equal(text, header.Name);
    }
}
