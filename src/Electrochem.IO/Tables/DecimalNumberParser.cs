using System.Globalization;

namespace Electrochem.IO.Tables;

/// <summary>
/// Parses the numeric fields of one file: invariant culture, with a decimal comma accepted when the file's fields are
/// not comma-delimited. The first number written with '.' or ',' fixes the separator for the rest of the file, so a
/// later number written with the other one is an error (never "1.500" read as 1.5 in one row and 1500 in another).
/// </summary>
internal sealed class DecimalNumberParser
{
    private char? _decimalSeparator;
    private int _decidedOnLine;

    /// <summary>Creates a parser.</summary>
    /// <param name="decimalSeparator">'.' or ',' when known (fixed by options, or '.' for comma-delimited text); null to detect it.</param>
    internal DecimalNumberParser(char? decimalSeparator) => _decimalSeparator = decimalSeparator;

    /// <summary>The decimal separator decided so far, or null when no number had a fractional part.</summary>
    internal char? DecimalSeparator => _decimalSeparator;

    /// <summary>Fixes the separator (for comma-delimited text, whose numbers cannot use decimal commas).</summary>
    internal void Require(char decimalSeparator) => _decimalSeparator = decimalSeparator;

    /// <summary>Parses one field; returns the problem (starting with <paramref name="where"/>), or null on success.</summary>
    /// <param name="field">The field, trimmed.</param>
    /// <param name="line">1-based line number (remembered when it decides the separator).</param>
    /// <param name="where">Which field, for messages, e.g. <c>column 2 ('sigma (S/cm)')</c>.</param>
    /// <param name="value">The finite value, or NaN on failure.</param>
    internal string? Parse(string field, int line, string where, out double value)
    {
        value = double.NaN;
        if (field.Length == 0)
        {
            return $"{where} is empty; every row needs a number in every column";
        }

        bool hasComma = field.Contains(',', StringComparison.Ordinal);
        bool hasPoint = field.Contains('.', StringComparison.Ordinal);
        if (hasComma && hasPoint)
        {
            return $"{where} is '{Shorten(field)}', which has both '.' and ','; expected one decimal separator and no thousands separators";
        }

        if (hasComma || hasPoint)
        {
            char used = hasComma ? ',' : '.';
            if (_decimalSeparator is null)
            {
                _decimalSeparator = used;
                _decidedOnLine = line;
            }
            else if (_decimalSeparator != used)
            {
                string why = _decidedOnLine > 0
                    ? $"line {_decidedOnLine} uses '{_decimalSeparator}'"
                    : $"the file uses '{_decimalSeparator}'";
                return $"{where} is '{Shorten(field)}', written with '{used}' as the decimal separator, but {why}; a file must use one decimal separator";
            }
        }

        string invariant = hasComma ? field.Replace(',', '.') : field;
        if (!double.TryParse(invariant, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            value = double.NaN;
            return $"{where} is '{Shorten(field)}', which is not a number; expected a decimal number such as {(_decimalSeparator == ',' ? "3,6e-4" : "3.6e-4")}";
        }

        if (!double.IsFinite(value))
        {
            return $"{where} is '{Shorten(field)}'; every value must be a finite number (not NaN or infinity)";
        }

        return null;
    }

    /// <summary>A field as quoted in a message: at most 60 characters, so a garbled line cannot flood the message.</summary>
    internal static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
