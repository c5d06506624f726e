using System.Collections.Immutable;

namespace Electrochem.Fitting;

/// <summary>
/// An immutable square matrix indexed by parameter, such as a covariance matrix (units: product of the two
/// parameters' units) or a correlation matrix (dimensionless, −1…1). Rows and columns of fixed parameters are zero
/// in a covariance matrix.
/// </summary>
public sealed class ParameterMatrix
{
    private readonly double[] _values;

    internal ParameterMatrix(ImmutableArray<string> names, double[] rowMajorValues)
    {
        if (rowMajorValues.Length != names.Length * names.Length)
        {
            throw new ArgumentException("A parameter matrix needs names.Length² values.", nameof(rowMajorValues));
        }

        Names = names;
        _values = rowMajorValues;
    }

    /// <summary>Parameter names, in row and column order.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>Number of rows (and of columns).</summary>
    public int Size => Names.Length;

    /// <summary>The element at a row and a column.</summary>
    /// <param name="row">Row index, 0 ≤ row &lt; <see cref="Size"/>.</param>
    /// <param name="column">Column index, 0 ≤ column &lt; <see cref="Size"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the matrix.</exception>
    public double this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Size);
            ArgumentOutOfRangeException.ThrowIfNegative(column);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Size);
            return _values[(row * Size) + column];
        }
    }

    /// <summary>The element for two parameters named as in <see cref="Names"/>.</summary>
    /// <param name="rowName">Parameter of the row.</param>
    /// <param name="columnName">Parameter of the column.</param>
    /// <exception cref="KeyNotFoundException">A name is not one of <see cref="Names"/>.</exception>
    public double this[string rowName, string columnName] => this[IndexOf(rowName), IndexOf(columnName)];

    /// <summary>A copy of the elements as a two-dimensional array.</summary>
    /// <returns>A new <c>double[Size, Size]</c>.</returns>
    public double[,] ToArray()
    {
        var copy = new double[Size, Size];
        for (int i = 0; i < Size; i++)
        {
            for (int j = 0; j < Size; j++)
            {
                copy[i, j] = _values[(i * Size) + j];
            }
        }

        return copy;
    }

    /// <summary>
    /// The correlation matrix ρᵢⱼ = Cᵢⱼ/√(Cᵢᵢ·Cⱼⱼ) of this covariance matrix; rows of parameters with zero or
    /// undefined variance (fixed, at a bound) are NaN off the diagonal and 1 on it.
    /// </summary>
    /// <returns>A new dimensionless matrix with the same names.</returns>
    public ParameterMatrix ToCorrelation()
    {
        int n = Size;
        var rho = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double denominator = Math.Sqrt(_values[(i * n) + i] * _values[(j * n) + j]);
                rho[(i * n) + j] = i == j ? 1.0 : (denominator > 0 ? _values[(i * n) + j] / denominator : double.NaN);
            }
        }

        return new ParameterMatrix(Names, rho);
    }

    internal ReadOnlySpan<double> AsSpan() => _values;

    private int IndexOf(string name)
    {
        int index = Names.IndexOf(name);
        return index >= 0 ? index : throw new KeyNotFoundException($"No parameter named '{name}'; the parameters are {string.Join(", ", Names)}.");
    }
}
