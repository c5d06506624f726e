using System.Diagnostics.CodeAnalysis;

namespace Electrochem.IO;

/// <summary>
/// The outcome of reading a data file where a malformed file is an expected outcome, not an exceptional one:
/// either a value or a <see cref="DataFileError"/>. Returned by the <c>TryRead</c> methods; immutable.
/// </summary>
/// <typeparam name="T">The type read.</typeparam>
public sealed class DataFileResult<T>
    where T : class
{
    private readonly T? _value;

    internal DataFileResult(T? value, DataFileError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>True when the file was read; <see cref="Value"/> is then available and <see cref="Error"/> is null.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>What was wrong with the file, or null on success.</summary>
    public DataFileError? Error { get; }

    /// <summary>The value read.</summary>
    /// <exception cref="DataFileException">The file could not be read; the exception carries <see cref="Error"/>.</exception>
    public T Value => Error is null ? _value! : throw Error.ToException();

    /// <summary>The value when the read succeeded.</summary>
    /// <param name="value">The value, or null on failure.</param>
    /// <returns>True on success.</returns>
    public bool TryGetValue([NotNullWhen(true)] out T? value)
    {
        value = _value;
        return Error is null;
    }

    /// <summary>The result in words: the value's type on success, <c>file:line: problem</c> on failure.</summary>
    /// <returns>Text for logs and debuggers.</returns>
    public override string ToString() => Error is null ? $"Success: {typeof(T).Name}" : $"Failure: {Error}";
}
