using System.Text;
using Electrochem.Cli.Formatting;
using Electrochem.Fitting;
using Electrochem.IO.Transport;
using Electrochem.Transport;

namespace Electrochem.Cli.Conductivity;

/// <summary>A VTF fit of a conductivity file, as text or as one JSON document.</summary>
internal static class VtfReport
{
    /// <summary>The VTF equation.</summary>
    internal const string Equation = "σ = A·T^(−1/2)·exp(−B/(T − T₀)), Ea = k_B·B";

    /// <summary>Fits the file's data.</summary>
    internal static FitResult<VogelTammannFulcher> Fit(ConductivityTable data, double level) =>
        VogelTammannFulcher.Fit(data.TemperatureKelvin.AsSpan(), data.Conductivity.AsSpan(), data.ConductivityStandardUncertainty.AsSpan(), NonlinearFitOptions.Default with { ConfidenceLevel = level });

    /// <summary>The unit of A: σ's unit times K^½.</summary>
    internal static string PreExponentialUnit(ConductivityTable data) => DataDescription.ConductivityUnit(data) + "·K^½";

    /// <summary>Appends the derived quantities (pseudo-Ea in two units, B, T₀, A) as a table.</summary>
    internal static void AppendQuantities(StringBuilder text, ConductivityTable data, FitResult<VogelTammannFulcher> fit)
    {
        var table = new TextTable("Quantity", "Value ± SE", Numbers.Percent(fit.ConfidenceLevel) + " CI", "Unit");
        void Row(string name, ParameterEstimate p, string unit) =>
            table.Add(name, Numbers.WithUncertainty(p.Value, p.StandardError), Numbers.IntervalLike(p.Value, p.StandardError, p.ConfidenceLower, p.ConfidenceUpper), unit);
        Row("Pseudo-activation energy k_B·B", fit.PseudoActivationEnergyElectronVolts(), "eV");
        Row(string.Empty, fit.PseudoActivationEnergyKilojoulesPerMole(), "kJ/mol");
        Row("B", fit[VogelTammannFulcher.PseudoActivationTemperatureName], "K");
        Row("Ideal glass transition T₀", fit[VogelTammannFulcher.IdealGlassTransitionTemperatureName], "K");
        Row("Pre-exponential factor A", fit.PreExponentialFactor(), PreExponentialUnit(data));
        table.AppendTo(text);
        if (!fit.Converged)
        {
            text.Append($"Note: status {fit.Status}: {fit.StatusReason}\n");
        }
    }

    /// <summary>The report as text.</summary>
    internal static string Text(ConductivityTable data, FitResult<VogelTammannFulcher> fit)
    {
        var text = new StringBuilder();
        text.Append($"VTF fit: {Equation}\n");
        DataDescription.AppendText(text, data);
        text.Append('\n').Append(fit.ToTable().ReplaceLineEndings("\n")).Append('\n');
        AppendQuantities(text, data, fit);
        return text.ToString();
    }

    /// <summary>Writes the VTF quantities as JSON properties of an open object.</summary>
    internal static void WriteQuantities(System.Text.Json.Utf8JsonWriter json, ConductivityTable data, FitResult<VogelTammannFulcher> fit)
    {
        json.WriteStartObject("pseudoActivationEnergy");
        JsonOutput.Estimate(json, "electronVolts", fit.PseudoActivationEnergyElectronVolts(), "eV");
        JsonOutput.Estimate(json, "kilojoulesPerMole", fit.PseudoActivationEnergyKilojoulesPerMole(), "kJ/mol");
        json.WriteEndObject();
        JsonOutput.Estimate(json, "pseudoActivationTemperature", fit[VogelTammannFulcher.PseudoActivationTemperatureName], "K");
        JsonOutput.Estimate(json, "idealGlassTransitionTemperature", fit[VogelTammannFulcher.IdealGlassTransitionTemperatureName], "K");
        JsonOutput.Estimate(json, "preExponentialFactor", fit.PreExponentialFactor(), PreExponentialUnit(data));
    }

    /// <summary>The report as one JSON document.</summary>
    internal static string Json(ConductivityTable data, FitResult<VogelTammannFulcher> fit) => JsonOutput.Document(json =>
    {
        json.WriteStartObject();
        json.WriteString("command", "conductivity vtf");
        json.WriteString("model", "VTF");
        json.WriteString("equation", Equation);
        DataDescription.WriteJson(json, data);
        json.WriteStartObject("units");
        json.WriteString("temperature", "K");
        JsonOutput.StringOrNull(json, "conductivity", data.ConductivityUnit);
        json.WriteString("preExponentialFactor", PreExponentialUnit(data));
        json.WriteEndObject();
        WriteQuantities(json, data, fit);
        JsonOutput.Fit(json, "fit", fit);
        json.WriteEndObject();
    });
}
