using System.Text;
using Electrochem.Cli.Formatting;
using Electrochem.Fitting;
using Electrochem.IO.Transport;
using Electrochem.Transport;

namespace Electrochem.Cli.Conductivity;

/// <summary>
/// Arrhenius (σ form) against VTF by AICc, from <see cref="ConductivityModelComparison.Compare"/> at the requested
/// confidence level.
/// </summary>
/// <param name="Comparison">The library's comparison.</param>
internal sealed record ComparisonReport(ConductivityModelComparison Comparison)
{
    /// <summary>The Arrhenius (σ form) fit.</summary>
    internal FitResult<Arrhenius> Arrhenius => Comparison.Arrhenius;

    /// <summary>The VTF fit.</summary>
    internal FitResult<VogelTammannFulcher> Vtf => Comparison.Vtf;

    /// <summary>Compares the models on the file's data.</summary>
    internal static ComparisonReport Create(ConductivityTable data, double level) => new(ConductivityModelComparison.Compare(
        data.TemperatureKelvin.AsSpan(), data.Conductivity.AsSpan(), data.ConductivityStandardUncertainty.AsSpan(), level));

    /// <summary>One sentence: which model is preferred and how strongly.</summary>
    internal string Verdict()
    {
        double delta = Comparison.DeltaAicc;
        string strength = Strength(delta);
        return $"{Comparison.PreferredModel} preferred (ΔAICc = AICc(VTF) − AICc(Arrhenius) = {delta.ToString("+0.00;-0.00", System.Globalization.CultureInfo.InvariantCulture)}; {strength})";
    }

    /// <summary>How strongly a ΔAICc separates two models, in words.</summary>
    internal static string Strength(double deltaAicc) => Math.Abs(deltaAicc) < 2
        ? "|ΔAICc| < 2: the data do not distinguish the models"
        : Math.Abs(deltaAicc) < 10 ? "2 ≤ |ΔAICc| < 10: some to strong support" : "|ΔAICc| ≥ 10: decisive support";

    /// <summary>The report as text.</summary>
    internal string Text(ConductivityTable data)
    {
        var text = new StringBuilder();
        text.Append("Arrhenius (σ form) vs VTF, compared by AICc on the same ln σ data and weights\n");
        DataDescription.AppendText(text, data);
        text.Append('\n');
        var table = new TextTable("Model", "Equation", "AICc", "Akaike weight", "Status");
        table.Add("Arrhenius", ArrheniusReport.Equation(ArrheniusForm.Conductivity), Numbers.Significant(Comparison.Arrhenius.Statistics.Aicc, 5), Numbers.Significant(Comparison.ArrheniusAkaikeWeight, 3), Comparison.Arrhenius.Status.ToString());
        table.Add("VTF", VtfReport.Equation, Numbers.Significant(Comparison.Vtf.Statistics.Aicc, 5), Numbers.Significant(Comparison.VtfAkaikeWeight, 3), Comparison.Vtf.Status.ToString());
        table.AppendTo(text);
        text.Append(Verdict()).Append('\n');
        text.Append("\nArrhenius (σ form)\n").Append(Arrhenius.ToTable().ReplaceLineEndings("\n"));
        ParameterEstimate ev = Arrhenius.ActivationEnergyElectronVolts();
        ParameterEstimate kj = Arrhenius.ActivationEnergyKilojoulesPerMole();
        text.Append($"Ea = {Numbers.Estimate(ev, Arrhenius.ConfidenceLevel, "eV")}\n");
        text.Append($"   = {Numbers.Estimate(kj, Arrhenius.ConfidenceLevel, "kJ/mol")}\n");
        text.Append($"A  = {Numbers.Estimate(Arrhenius.PreExponentialFactor(), Arrhenius.ConfidenceLevel, ArrheniusReport.PreExponentialUnit(data, ArrheniusForm.Conductivity))}\n");
        text.Append("\nVTF\n").Append(Vtf.ToTable().ReplaceLineEndings("\n"));
        VtfReport.AppendQuantities(text, data, Vtf);
        return text.ToString();
    }

    /// <summary>The report as one JSON document.</summary>
    internal string Json(ConductivityTable data) => JsonOutput.Document(json =>
    {
        json.WriteStartObject();
        json.WriteString("command", "conductivity compare");
        json.WriteString("criterion", "AICc");
        DataDescription.WriteJson(json, data);
        json.WriteString("preferredModel", Comparison.PreferredModel);
        JsonOutput.Number(json, "deltaAicc", Comparison.DeltaAicc);
        json.WriteString("deltaAiccDefinition", "AICc(VTF) - AICc(Arrhenius); positive favours Arrhenius");
        JsonOutput.Number(json, "arrheniusAkaikeWeight", Comparison.ArrheniusAkaikeWeight);
        JsonOutput.Number(json, "vtfAkaikeWeight", Comparison.VtfAkaikeWeight);
        json.WriteStartObject("arrhenius");
        json.WriteString("form", ConductivityOptions.SigmaForm);
        json.WriteString("equation", ArrheniusReport.Equation(ArrheniusForm.Conductivity));
        json.WriteStartObject("activationEnergy");
        JsonOutput.Estimate(json, "electronVolts", Arrhenius.ActivationEnergyElectronVolts(), "eV");
        JsonOutput.Estimate(json, "kilojoulesPerMole", Arrhenius.ActivationEnergyKilojoulesPerMole(), "kJ/mol");
        json.WriteEndObject();
        JsonOutput.Estimate(json, "preExponentialFactor", Arrhenius.PreExponentialFactor(), ArrheniusReport.PreExponentialUnit(data, ArrheniusForm.Conductivity));
        JsonOutput.Fit(json, "fit", Arrhenius);
        json.WriteEndObject();
        json.WriteStartObject("vtf");
        json.WriteString("equation", VtfReport.Equation);
        VtfReport.WriteQuantities(json, data, Vtf);
        JsonOutput.Fit(json, "fit", Vtf);
        json.WriteEndObject();
        json.WriteEndObject();
    });
}
