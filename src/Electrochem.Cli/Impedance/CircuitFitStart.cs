using System.Collections.Immutable;
using Electrochem.Fitting;
using Electrochem.Impedance;

namespace Electrochem.Cli.Impedance;

/// <summary>
/// Where one parameter's start came from in <c>electrochem eis fit</c>: held fixed, given with <c>--guess</c>, or the
/// library's automatic estimate (<see cref="CircuitInitialGuess.Estimate"/>), and the start of the fit that won (which
/// differs when a random start of the global option, or the second automatic start, gave the lowest χ²).
/// </summary>
/// <param name="Name">The parameter, e.g. <c>R0</c>.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Source"><c>fixed</c>, <c>given</c> or <c>automatic</c>.</param>
/// <param name="OrdinaryStart">The start of the ordinary (non-random) fit: the fixed value, the guess or the automatic estimate.</param>
/// <param name="WinningStart">The start of the fit reported.</param>
internal sealed record CircuitFitStart(string Name, string Unit, string Source, double OrdinaryStart, double WinningStart)
{
    /// <summary>Whether the reported fit started elsewhere than the ordinary start (a random start of the global option or the second automatic start won).</summary>
    internal bool FromOtherStart => Source != "fixed" && OrdinaryStart != WinningStart;

    /// <summary>The start of every parameter of a fit, in circuit order.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="options">The options it ran with (guesses and fixed values).</param>
    /// <param name="automatic">The automatic estimate of every parameter for the fitted spectrum.</param>
    internal static ImmutableArray<CircuitFitStart> Of(FitResult<CircuitModel> fit, CircuitFitOptions options, ImmutableArray<double> automatic)
    {
        CircuitModel model = fit.Model;
        return
        [
            .. model.Circuit.Parameters.Select((p, j) =>
            {
                (string source, double start) = options.FixedParameters.TryGetValue(p.Name, out double held) ? ("fixed", held)
                    : options.InitialGuess.TryGetValue(p.Name, out double guess) ? ("given", guess)
                    : ("automatic", automatic[j]);
                double winning = model.InitialValues.IsEmpty ? start : model.InitialValues[j];
                return new CircuitFitStart(p.Name, p.Unit, source, start, winning);
            }),
        ];
    }
}
