using System.Text;
using Electrochem.Cli.Formatting;
using Electrochem.Constants;
using Electrochem.Fitting;
using Electrochem.IO.Transport;
using Electrochem.Transport;

namespace Electrochem.Cli.Conductivity;

/// <summary>An Arrhenius fit of a conductivity file, as text or as one JSON document.</summary>
internal static class ArrheniusReport
{
    /// <summary>Fits the file's data in the requested form.</summary>
    internal static FitResult<Arrhenius> Fit(ConductivityTable data, ArrheniusForm form, double level) =>
        Arrhenius.Fit(data.TemperatureKelvin.AsSpan(), data.Conductivity.AsSpan(), form, data.ConductivityStandardUncertainty.AsSpan(), new LinearFitOptions(level));

    /// <summary>The <c>--form</c> name of a form.</summary>
    internal static string FormName(ArrheniusForm form) => form == ArrheniusForm.Conductivity ? ConductivityOptions.SigmaForm : ConductivityOptions.SigmaTForm;

    /// <summary>The equation of a form.</summary>
    internal static string Equation(ArrheniusForm form) => form == ArrheniusForm.Conductivity ? "σ = A·exp(−Ea/(k_B·T))" : "σ·T = A·exp(−Ea/(k_B·T))";

    /// <summary>The unit of A: σ's unit, times K in the σT form.</summary>
    internal static string PreExponentialUnit(ConductivityTable data, ArrheniusForm form) =>
        form == ArrheniusForm.Conductivity ? DataDescription.ConductivityUnit(data) : DataDescription.ConductivityUnit(data) + "·K";

    /// <summary>The report as text.</summary>
    internal static string Text(ConductivityTable data, FitResult<Arrhenius> fit)
    {
        var text = new StringBuilder();
        ArrheniusForm form = fit.Model.Form;
        text.Append($"Arrhenius fit, form {FormName(form)}: {Equation(form)}\n");
        DataDescription.AppendText(text, data);
        text.Append('\n').Append(fit.ToTable().ReplaceLineEndings("\n")).Append('\n');
        string ci = Numbers.Percent(fit.ConfidenceLevel) + " CI";
        var table = new TextTable("Quantity", "Value ± SE", ci, "Unit");
        ParameterEstimate ev = fit.ActivationEnergyElectronVolts();
        ParameterEstimate kj = fit.ActivationEnergyKilojoulesPerMole();
        ParameterEstimate a = fit.PreExponentialFactor();
        table.Add($"Activation energy Ea ({FormName(form)} form)", Numbers.WithUncertainty(ev.Value, ev.StandardError), Numbers.IntervalLike(ev.Value, ev.StandardError, ev.ConfidenceLower, ev.ConfidenceUpper), "eV");
        table.Add(string.Empty, Numbers.WithUncertainty(kj.Value, kj.StandardError), Numbers.IntervalLike(kj.Value, kj.StandardError, kj.ConfidenceLower, kj.ConfidenceUpper), "kJ/mol");
        table.Add("Pre-exponential factor A", Numbers.WithUncertainty(a.Value, a.StandardError), Numbers.IntervalLike(a.Value, a.StandardError, a.ConfidenceLower, a.ConfidenceUpper), PreExponentialUnit(data, form));
        table.AppendTo(text);
        text.Append("(A's interval is the exact image of the ln A interval, so it is asymmetric; its SE is from the delta method.)\n");
        return text.ToString();
    }

    /// <summary>The report as one JSON document.</summary>
    internal static string Json(ConductivityTable data, FitResult<Arrhenius> fit) => JsonOutput.Document(json =>
    {
        ArrheniusForm form = fit.Model.Form;
        json.WriteStartObject();
        json.WriteString("command", "conductivity arrhenius");
        json.WriteString("model", "Arrhenius");
        json.WriteString("form", FormName(form));
        json.WriteString("equation", Equation(form));
        DataDescription.WriteJson(json, data);
        json.WriteStartObject("units");
        json.WriteString("temperature", "K");
        JsonOutput.StringOrNull(json, "conductivity", data.ConductivityUnit);
        json.WriteString("preExponentialFactor", PreExponentialUnit(data, form));
        json.WriteString("activationEnergy", "eV and kJ/mol");
        json.WriteEndObject();
        json.WriteStartObject("activationEnergy");
        JsonOutput.Estimate(json, "electronVolts", fit.ActivationEnergyElectronVolts(), "eV");
        JsonOutput.Estimate(json, "kilojoulesPerMole", fit.ActivationEnergyKilojoulesPerMole(), "kJ/mol");
        json.WriteEndObject();
        JsonOutput.Estimate(json, "preExponentialFactor", fit.PreExponentialFactor(), PreExponentialUnit(data, form));
        JsonOutput.Number(json, "kilojoulesPerMolePerElectronVolt", UnitConversions.KilojoulesPerMolePerElectronVolt);
        JsonOutput.Fit(json, "fit", fit);
        json.WriteEndObject();
    });
}
