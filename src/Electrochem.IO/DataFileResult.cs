namespace Electrochem.IO;

/// <summary>Creates <see cref="DataFileResult{T}"/> values.</summary>
public static class DataFileResult
{
    /// <summary>A successful result.</summary>
    /// <typeparam name="T">The type read.</typeparam>
    /// <param name="value">The value read.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static DataFileResult<T> Success<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return new DataFileResult<T>(value, null);
    }

    /// <summary>A failed result.</summary>
    /// <typeparam name="T">The type that could not be read.</typeparam>
    /// <param name="error">What was wrong.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public static DataFileResult<T> Failure<T>(DataFileError error)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(error);
        return new DataFileResult<T>(null, error);
    }
}
