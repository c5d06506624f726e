namespace Electrochem.IO.Tables;

/// <summary>How a delimited text table is read. Change one setting with <c>with</c>.</summary>
public sealed record DelimitedTableOptions
{
    /// <summary>64 MiB, the default <see cref="MaximumFileBytes"/>.</summary>
    public const long DefaultMaximumFileBytes = 64L * 1024 * 1024;

    /// <summary>1 MiB (1 048 576 characters), the default <see cref="MaximumLineLength"/>.</summary>
    public const int DefaultMaximumLineLength = 1024 * 1024;

    /// <summary>The defaults: detect the delimiter and decimal separator, 64 MiB and 1 Mi-character limits.</summary>
    public static DelimitedTableOptions Default { get; } = new();

    /// <summary>
    /// Largest file accepted, in bytes (checked before reading a file; for a text reader, characters are counted as
    /// they are read and reading stops at the limit). Default 64 MiB; must be positive.
    /// </summary>
    public long MaximumFileBytes { get; init; } = DefaultMaximumFileBytes;

    /// <summary>Longest line accepted, in characters, without its line break. Default 1 Mi; must be positive.</summary>
    public int MaximumLineLength { get; init; } = DefaultMaximumLineLength;

    /// <summary>
    /// The field delimiter: ',', ';' or '\t'; null (the default) detects it from the header row: a tab if the row
    /// has one, otherwise a semicolon if it has one, otherwise a comma if it has one; a header with none of them (a
    /// single column) is read as tab-delimited, so its numbers may use decimal commas.
    /// </summary>
    public char? Delimiter { get; init; }

    /// <summary>
    /// The decimal separator: '.' or ','; null (the default) detects it. Comma-delimited files always use '.'. In
    /// semicolon- and tab-delimited files the first number written with ',' or '.' decides, and a number written
    /// with the other one later is an error (so "1.500" is never silently read as 1.5 or as 1500).
    /// </summary>
    public char? DecimalSeparator { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is not positive, or a separator is not one of the allowed characters, or both are ','.</exception>
    public void Validate()
    {
        if (MaximumFileBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumFileBytes), MaximumFileBytes, $"MaximumFileBytes must be a positive number of bytes but was {MaximumFileBytes}.");
        }

        if (MaximumLineLength <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumLineLength), MaximumLineLength, $"MaximumLineLength must be a positive number of characters but was {MaximumLineLength}.");
        }

        if (Delimiter is { } d && d is not (',' or ';' or '\t'))
        {
            throw new ArgumentOutOfRangeException(nameof(Delimiter), d, $"Delimiter must be ',', ';' or a tab (or null to detect it) but was '{d}'.");
        }

        if (DecimalSeparator is { } s && s is not ('.' or ','))
        {
            throw new ArgumentOutOfRangeException(nameof(DecimalSeparator), s, $"DecimalSeparator must be '.' or ',' (or null to detect it) but was '{s}'.");
        }

        if (Delimiter == ',' && DecimalSeparator == ',')
        {
            throw new ArgumentOutOfRangeException(nameof(DecimalSeparator), ',', "DecimalSeparator cannot be ',' when Delimiter is ','.");
        }
    }
}
