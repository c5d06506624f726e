using System.Collections.Immutable;

namespace Electrochem.Fitting;

/// <summary>
/// Writes a model's values at every observation for the given parameters. It must be a pure function of its
/// arguments (it may be called from several threads at once) and must not keep the spans.
/// </summary>
/// <param name="parameters">Parameter values, in the model's <see cref="NonlinearModel.Parameters"/> order.</param>
/// <param name="values">Destination, one value per observation (complex models: all real parts, then all imaginary parts).</param>
public delegate void ModelFunction(ReadOnlySpan<double> parameters, Span<double> values);

/// <summary>
/// Writes the Jacobian ∂fᵢ/∂θⱼ column-major: element (i, j) at <c>jacobian[j·N + i]</c>, N observations.
/// Pure, like <see cref="ModelFunction"/>.
/// </summary>
/// <param name="parameters">Parameter values.</param>
/// <param name="jacobian">Destination of N·P values.</param>
public delegate void JacobianFunction(ReadOnlySpan<double> parameters, Span<double> jacobian);

/// <summary>
/// A model for <see cref="NonlinearLeastSquares"/>: its parameters (names, units, bounds), a function that evaluates
/// it at every observation, and optionally its analytic Jacobian (finite differences are used otherwise).
/// </summary>
/// <param name="Parameters">Parameter definitions; names must be unique.</param>
/// <param name="Function">Evaluates the model at all observations.</param>
/// <param name="Jacobian">Analytic Jacobian, or null for forward finite differences with step √ε·|θⱼ| (√ε when θⱼ = 0), taken backward at an upper bound.</param>
public sealed record NonlinearModel(
    ImmutableArray<ParameterDefinition> Parameters,
    ModelFunction Function,
    JacobianFunction? Jacobian = null)
{
    internal void Validate()
    {
        if (Parameters.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A model needs at least one parameter.", nameof(Parameters));
        }

        ArgumentNullException.ThrowIfNull(Function);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (ParameterDefinition parameter in Parameters)
        {
            ArgumentNullException.ThrowIfNull(parameter);
            parameter.Validate();
            if (!names.Add(parameter.Name))
            {
                throw new ArgumentException($"The parameter name '{parameter.Name}' appears twice; names must be unique.", nameof(Parameters));
            }
        }
    }
}
