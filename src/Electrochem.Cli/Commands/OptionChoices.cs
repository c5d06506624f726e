using System.CommandLine;
using System.CommandLine.Parsing;

namespace Electrochem.Cli.Commands;

/// <summary>Options that take one of a few words, matched ignoring case (<c>--weight Modulus</c> is <c>modulus</c>).</summary>
internal static class OptionChoices
{
    /// <summary>
    /// Accepts only <paramref name="values"/>, ignoring case and surrounding spaces; the parsed value is the spelling given
    /// here, so code compares against one spelling. Anything else is a usage error listing the values.
    /// </summary>
    /// <param name="option">The option.</param>
    /// <param name="values">The accepted values, in their canonical spelling.</param>
    internal static void AcceptOnlyFromAmongIgnoringCase<T>(this Option<T> option, params string[] values)
        where T : class?
    {
        option.CustomParser = result =>
        {
            string token = result.Tokens.Count == 0 ? string.Empty : result.Tokens[^1].Value.Trim();
            string? match = Array.Find(values, v => string.Equals(v, token, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                result.AddError($"'{token}' is not a value of {option.Name}; expected one of: {string.Join(", ", values)}.");
                return null;
            }

            return (T)(object)match;
        };
        option.CompletionSources.Add(values);
    }
}
