namespace Electrochem.Impedance;

/// <summary>
/// A circuit string that cannot be read: the message says where (0-based character position) and what was expected
/// (an unknown element type, unbalanced parentheses, a parallel with one branch, a repeated element name, empty input, …).
/// </summary>
public sealed class CircuitFormatException : FormatException
{
    /// <summary>A parse error at a position of a circuit string.</summary>
    /// <param name="text">The whole circuit string.</param>
    /// <param name="position">0-based position of the problem (the length of the text for end of input).</param>
    /// <param name="problem">What is wrong and what was expected there.</param>
    public CircuitFormatException(string text, int position, string problem)
        : base($"Cannot read the circuit \"{text}\" at position {position}: {problem}")
    {
        Text = text;
        Position = position;
        Problem = problem;
    }

    /// <summary>The circuit string.</summary>
    public string Text { get; }

    /// <summary>0-based position of the problem in <see cref="Text"/>.</summary>
    public int Position { get; }

    /// <summary>What is wrong and what was expected, without the position.</summary>
    public string Problem { get; }
}
