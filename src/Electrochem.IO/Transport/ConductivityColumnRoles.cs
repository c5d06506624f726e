using System.Collections.Frozen;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Transport;

/// <summary>What a column of a conductivity table holds, judged from its header.</summary>
internal enum ConductivityColumnRole
{
    /// <summary>Not one of the columns the conductivity reader needs (kept in the table all the same).</summary>
    Other,

    /// <summary>Temperature.</summary>
    Temperature,

    /// <summary>Conductivity σ.</summary>
    Conductivity,

    /// <summary>Standard uncertainty of σ.</summary>
    Uncertainty,
}

/// <summary>Recognises the temperature, conductivity and uncertainty columns by the words of their headers.</summary>
internal static class ConductivityColumnRoles
{
    private static readonly FrozenSet<string> TemperatureWords = FrozenSet.Create(StringComparer.Ordinal, "t", "temp", "temperature", "temperatur");

    private static readonly FrozenSet<string> ConductivityWords = FrozenSet.Create(StringComparer.Ordinal, "sigma", "σ", "conductivity", "cond", "kappa", "κ");

    private static readonly FrozenSet<string> QualifierWords = FrozenSet.Create(StringComparer.Ordinal, "ionic", "of");

    private static readonly FrozenSet<string> UncertaintyWords = FrozenSet.Create(
        StringComparer.Ordinal, "u", "err", "error", "std", "stdev", "stddev", "sd", "se", "uncertainty", "unc", "usigma", "uσ", "dsigma", "dσ", "delta");

    private static readonly FrozenSet<string> KelvinUnits = FrozenSet.Create(StringComparer.Ordinal, "k", "kelvin");

    private static readonly FrozenSet<string> CelsiusUnits = FrozenSet.Create(StringComparer.Ordinal, "c", "degc", "deg.c", "celsius", "degreesc", "degreescelsius", "℃");

    /// <summary>
    /// The role of a column and the unit its header gives (null if none): for a temperature column also a suffix
    /// such as <c>_C</c>; never a word in parentheses such as the σ of <c>u(σ)</c>.
    /// </summary>
    internal static ConductivityColumnRole Classify(ColumnHeader header, out string? unit)
    {
        // name_unit headers as scripts write them (T_K, sigma_S_per_cm): the shared grammar splits the suffix.
        header = HeaderGrammar.WithSuffixUnit(HeaderGrammar.WithSuffixUnit(header, UnitDimension.Temperature, TemperatureWords), UnitDimension.Conductivity, ConductivityWords);
        List<string> words = HeaderWords.Split(header.Name);
        unit = header.Unit;
        if (unit is not null && (ConductivityWords.Contains(unit.ToLowerInvariant()) || UncertaintyWords.Contains(unit.ToLowerInvariant())))
        {
            // "u(σ)" or "σ(err)": the parenthesis holds a word, not a unit.
            words.Add(unit.ToLowerInvariant());
            unit = null;
        }

        if (words.Count == 0)
        {
            return ConductivityColumnRole.Other;
        }

        if (TemperatureWords.Contains(words[0]))
        {
            if (words.Count == 1)
            {
                return ConductivityColumnRole.Temperature;
            }

            if (words.Count == 2 && ParseTemperatureUnit(words[1]) is not null)
            {
                unit ??= words[1];
                return ConductivityColumnRole.Temperature;
            }

            return ConductivityColumnRole.Other;
        }

        bool anyConductivity = false;
        bool anyUncertainty = false;
        foreach (string word in words)
        {
            if (ConductivityWords.Contains(word))
            {
                anyConductivity = true;
            }
            else if (UncertaintyWords.Contains(word))
            {
                anyUncertainty = true;
            }
            else if (!QualifierWords.Contains(word))
            {
                return ConductivityColumnRole.Other;
            }
        }

        return anyUncertainty ? ConductivityColumnRole.Uncertainty
            : anyConductivity ? ConductivityColumnRole.Conductivity
            : ConductivityColumnRole.Other;
    }

    /// <summary>Kelvin or Celsius for a recognised unit text (K, kelvin, °C, C, degC, celsius, ℃ …), else null.</summary>
    internal static TemperatureUnit? ParseTemperatureUnit(string unit)
    {
        string key = unit.Trim().ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("°", string.Empty, StringComparison.Ordinal).Replace("º", string.Empty, StringComparison.Ordinal);
        return KelvinUnits.Contains(key) ? TemperatureUnit.Kelvin
            : CelsiusUnits.Contains(key) ? TemperatureUnit.Celsius
            : null;
    }
}
