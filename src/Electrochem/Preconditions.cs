using System.Runtime.CompilerServices;

namespace Electrochem;

/// <summary>
/// Argument checks shared by every public entry point. Range checks also reject NaN; every message names the
/// argument, the value that was given and what was expected.
/// </summary>
internal static class Preconditions
{
    internal static void CheckFinite(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number but was {Format(value)}.");
        }
    }

    internal static void CheckPositive(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number greater than zero but was {Format(value)}.");
        }
    }

    internal static void CheckNonNegative(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number zero or greater but was {Format(value)}.");
        }
    }

    internal static void CheckOpenUnitInterval(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must lie strictly between 0 and 1 but was {Format(value)}.");
        }
    }

    internal static void CheckSameLength(int expected, int actual, string expectedName, string actualName)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"{actualName} has {actual} values but {expectedName} has {expected}; they must have the same length.", actualName);
        }
    }

    internal static void CheckDestination(int required, int actual, string name)
    {
        if (actual < required)
        {
            throw new ArgumentException($"{name} has room for {actual} values but {required} are needed.", name);
        }
    }

    internal static void CheckMinimumCount(int count, int minimum, string name, string why)
    {
        if (count < minimum)
        {
            throw new ArgumentException($"{name} has {count} values but at least {minimum} are needed ({why}).", name);
        }
    }

    internal static void CheckAllFinite(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"{name}[{i}] is {Format(values[i])}; every value must be finite.", name);
            }
        }
    }

    internal static void CheckAllPositive(ReadOnlySpan<double> values, string name, string unit)
    {
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (!(v > 0) || !double.IsFinite(v))
            {
                throw new ArgumentException($"{name}[{i}] is {Format(v)}{unit}; every value must be finite and greater than zero.", name);
            }
        }
    }

    internal static void CheckNoOverlap(ReadOnlySpan<double> input, Span<double> destination, string inputName, string destinationName)
    {
        if (input.Overlaps(destination, out int offset) && offset != 0)
        {
            throw new ArgumentException($"{destinationName} partially overlaps {inputName}; it must be the same memory or not overlap at all.", destinationName);
        }
    }

    internal static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Runs a check written for another method's parameters and reports its argument error under the caller's own
    /// parameter, so a public entry never names an internal helper's argument (the exception type is kept, the
    /// original is the inner exception).
    /// </summary>
    /// <param name="parameterName">The public entry's parameter the checked value came from.</param>
    /// <param name="check">The check.</param>
    internal static void AsArgument(string parameterName, Action check)
    {
        try
        {
            check();
        }
        catch (ArgumentException e) when (e.ParamName != parameterName)
        {
            string message = e.ParamName is { } inner && e.Message.EndsWith($" (Parameter '{inner}')", StringComparison.Ordinal)
                ? e.Message[..^$" (Parameter '{inner}')".Length]
                : e.Message;
            if (e is ArgumentOutOfRangeException)
            {
                throw new ArgumentOutOfRangeException(parameterName, message);
            }

            throw new ArgumentException(message, parameterName, e);
        }
    }
}
