using System.Diagnostics.CodeAnalysis;

namespace Electrochem.Impedance;

/// <summary>
/// Recursive-descent reader of circuit strings:
/// <c>circuit := series; series := term ('-' term)*; term := element | 'p' '(' series (',' series)+ ')';
/// element := letters identifier</c>, whitespace allowed between tokens. Reports the first error with its position.
/// </summary>
internal sealed class CircuitParser
{
    private readonly string _text;
    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);
    private int _position;
    private int _depth;

    private readonly IReadOnlyCollection<CustomElement> _custom;

    private CircuitParser(string text, IReadOnlyCollection<CustomElement> custom)
    {
        _text = text;
        _custom = custom;
    }

    /// <summary>Reads a whole circuit string, or returns the first error.</summary>
    internal static bool TryParse(string text, [NotNullWhen(true)] out CircuitNode? root, [NotNullWhen(false)] out CircuitFormatException? failure) =>
        TryParse(text, [], out root, out failure);

    /// <summary>Reads a whole circuit string whose element types may include user-defined ones.</summary>
    internal static bool TryParse(string text, IReadOnlyCollection<CustomElement> custom, [NotNullWhen(true)] out CircuitNode? root, [NotNullWhen(false)] out CircuitFormatException? failure)
    {
        root = Parse(text, custom, out CircuitFormatException? error);
        failure = error;
        return root is not null;
    }

    private static CircuitNode? Parse(string text, IReadOnlyCollection<CustomElement> custom, out CircuitFormatException? error)
    {
        var parser = new CircuitParser(text, custom);
        error = null;
        CircuitNode? node = parser.ParseSeries(ref error);
        if (error is not null)
        {
            return null;
        }

        parser.SkipWhitespace();
        if (parser._position < text.Length)
        {
            char c = text[parser._position];
            error = c == ')'
                ? parser.Error("unbalanced parentheses: this ')' closes no 'p('")
                : parser.Error($"expected '-' or the end of the circuit but found '{c}'");
            return null;
        }

        return node;
    }

    private CircuitNode? ParseSeries(ref CircuitFormatException? error)
    {
        var parts = new List<CircuitNode>();
        while (true)
        {
            CircuitNode? term = ParseTerm(ref error);
            if (term is null)
            {
                return null;
            }

            parts.Add(term);
            SkipWhitespace();
            if (_position < _text.Length && _text[_position] == '-')
            {
                _position++;
                continue;
            }

            return parts.Count == 1 ? parts[0] : new SeriesNode(parts);
        }
    }

    private CircuitNode? ParseTerm(ref CircuitFormatException? error)
    {
        SkipWhitespace();
        if (_position >= _text.Length)
        {
            error = Error(_text.Trim().Length == 0 ? "the circuit is empty; expected an element such as R0 or a parallel p(…)" : "expected an element such as R0 or a parallel p(…) but found the end");
            return null;
        }

        int start = _position;
        if (!char.IsAsciiLetter(_text[start]))
        {
            error = Error($"expected an element such as R0 or a parallel p(…) but found '{_text[start]}'");
            return null;
        }

        while (_position < _text.Length && char.IsAsciiLetter(_text[_position]))
        {
            _position++;
        }

        string symbol = _text[start.._position];
        if (symbol == "p")
        {
            int afterP = _position;
            SkipWhitespace();
            if (_position < _text.Length && _text[_position] == '(')
            {
                return ParseParallel(start, ref error);
            }

            _position = afterP;
        }

        CircuitElement? element = _custom.FirstOrDefault(c => c.Symbol == symbol);
        if (element is null && !CircuitElements.TryFromSymbol(symbol, out element))
        {
            _position = start;
            string custom = _custom.Count == 0 ? string.Empty : $", {string.Join(", ", _custom.Select(c => c.Symbol))}";
            error = Error($"unknown element type '{symbol}'; known types are {CircuitElements.KnownSymbols}{custom} (and p(…) for parallel)");
            return null;
        }

        int identifierStart = _position;
        while (_position < _text.Length && (char.IsAsciiDigit(_text[_position]) || _text[_position] == '_'))
        {
            _position++;
        }

        if (!ElementNode.IsIdentifier(_text.AsSpan(identifierStart, _position - identifierStart)))
        {
            _position = identifierStart;
            error = Error($"expected an identifier after '{symbol}': digits and underscores ending in a digit, like {symbol}0 or {symbol}_1");
            return null;
        }

        var node = new ElementNode(element, _text[identifierStart.._position]);
        if (!_names.TryAdd(node.Name, start))
        {
            _position = start;
            error = Error($"the element name '{node.Name}' is already used at position {_names[node.Name]}; element names must be unique");
            return null;
        }

        return node;
    }

    private ParallelNode? ParseParallel(int start, ref CircuitFormatException? error)
    {
        // Each p( costs a few stack frames; refuse nesting deeper than a circuit may have before recursing further.
        if (++_depth > Circuit.MaximumNesting)
        {
            _position = start;
            error = Error($"the circuit nests p(…) more than {Circuit.MaximumNesting} levels deep here; real circuits nest a few levels (Circuit.MaximumNesting)");
            return null;
        }

        _position++; // '('
        var branches = new List<CircuitNode>();
        while (true)
        {
            CircuitNode? branch = ParseSeries(ref error);
            if (branch is null)
            {
                return null;
            }

            branches.Add(branch);
            SkipWhitespace();
            if (_position >= _text.Length)
            {
                error = Error($"unbalanced parentheses: the 'p(' at position {start} is never closed; expected ',' or ')'");
                return null;
            }

            char c = _text[_position];
            if (c == ',')
            {
                _position++;
                continue;
            }

            if (c != ')')
            {
                error = Error($"expected '-', ',' or ')' inside the 'p(' at position {start} but found '{c}'");
                return null;
            }

            if (branches.Count < 2)
            {
                _position = start;
                error = Error("this parallel p(…) has one branch; a parallel needs at least two, separated by ','");
                return null;
            }

            _position++;
            _depth--;
            return new ParallelNode(branches);
        }
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private CircuitFormatException Error(string problem) => new(_text, _position, problem);
}
