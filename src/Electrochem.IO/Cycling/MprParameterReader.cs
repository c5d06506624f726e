using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Reads the technique parameters of an EC-Lab settings module (<c>VMP Set</c>). From byte 0x352 the module holds
/// records of a version byte and a 32-bit length; the third is the parameter block: its version byte (the layout
/// version), its length, a 16-bit sequence count, a 16-bit field count, then the values, sequence after sequence.
/// Every length is checked against the module before it is followed; a block this reader cannot place or whose layout
/// was not derived is noted (its version, sequences, fields and length) and warned about, never an error.
/// </summary>
internal static class MprParameterReader
{
    /// <summary>Where the chain of records that leads to the parameter block starts (every EC-Lab 11.18 to 11.61 file seen).</summary>
    private const int ChainStart = 0x352;

    /// <summary>The records from <see cref="ChainStart"/> up to the parameter block.</summary>
    private const int RecordsBefore = 2;

    /// <summary>More sequences than any technique allows: a count above it is damage.</summary>
    private const int MaximumSequences = 1000;

    /// <summary>The parameter entries of a settings module, and what was noticed.</summary>
    internal static ImmutableArray<KeyValuePair<string, string>> Read(byte[] settings, List<string> warnings)
    {
        int at = ChainStart;
        for (int i = 0; i < RecordsBefore; i++)
        {
            if (at + 5 > settings.Length)
            {
                return NotFound(settings, warnings, $"the module ends at byte {settings.Length}, before record {i + 1} of the chain at byte {at}");
            }

            long next = at + 5L + BinaryPrimitives.ReadUInt32LittleEndian(settings.AsSpan(at + 1));
            if (next > settings.Length)
            {
                return NotFound(settings, warnings, $"the record at byte {at} claims to end at byte {next}, beyond the module's {settings.Length} bytes");
            }

            at = (int)next;
        }

        if (at + 9 > settings.Length)
        {
            return NotFound(settings, warnings, $"the module ends at byte {settings.Length}, before the parameter block's header at byte {at}");
        }

        int version = settings[at];
        long length = BinaryPrimitives.ReadUInt32LittleEndian(settings.AsSpan(at + 1));
        int sequences = BinaryPrimitives.ReadUInt16LittleEndian(settings.AsSpan(at + 5));
        int fields = BinaryPrimitives.ReadUInt16LittleEndian(settings.AsSpan(at + 7));
        if (length < 4 || at + 5 + length > settings.Length)
        {
            return NotFound(settings, warnings, $"the parameter block at byte {at} claims {length} bytes; the module holds {settings.Length - at - 5} after its header");
        }

        ReadOnlySpan<byte> values = settings.AsSpan(at + 9, (int)length - 4);
        string block = string.Create(CultureInfo.InvariantCulture, $"layout version {version}, {sequences} sequence{(sequences == 1 ? string.Empty : "s")}, {fields} fields, {values.Length} bytes at byte {at + 9} of the settings module");
        int technique = settings[0];
        if (MprParameterLayouts.Find(technique, version) is not { } layout)
        {
            warnings.Add($"the technique parameters of technique ID {technique} in {block} are not decoded by this reader (no layout derived for it); their place and length are noted in the entry 'Technique parameters'");
            return [new("Technique parameters", "not decoded: " + block)];
        }

        if (sequences is 0 or > MaximumSequences || (!layout.Sequenced && sequences != 1)
            || (long)layout.SequenceStride * (sequences - 1) + layout.Extent > values.Length)
        {
            warnings.Add($"the technique parameter block ({block}) does not fit its layout ({layout.Fields.Length} fields, {layout.Extent} bytes{(layout.Sequenced ? string.Create(CultureInfo.InvariantCulture, $" per sequence of {layout.SequenceStride}") : string.Empty)}); the parameters are not read");
            return [new("Technique parameters", "not decoded: " + block)];
        }

        var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        var unknown = new List<string>();
        var unknownControls = new List<string>();
        int limits = Most(layout, "lim_nb", values, sequences);
        int records = Most(layout, "rec_nb", values, sequences);
        for (int s = 0; s < sequences; s++)
        {
            ReadOnlySpan<byte> sequence = values[(s * layout.SequenceStride)..];
            var controls = Controls(layout, sequence, s, unknownControls);
            foreach (MprParameterField field in layout.Fields)
            {
                string key = BioLogicParameterText.Key(field.Name, layout.Sequenced ? s.ToString(CultureInfo.InvariantCulture) : null);
                ReadOnlySpan<byte> bytes = sequence[field.Offset..];
                string? value = field.Show switch
                {
                    MprParameterShow.ControlValue => controls is { } c && field.Slot < c.Length ? Value(field, null, bytes, key, unknown) : null,
                    MprParameterShow.ControlUnit => controls is { } c && field.Slot < c.Length && c[field.Slot].Units is { } units ? Value(field, units, bytes, key, unknown) : null,
                    MprParameterShow.ControlReference => controls is { } c && field.Slot < c.Length && c[field.Slot].References is { } references ? Value(field, references, bytes, key, unknown) : null,
                    MprParameterShow.Limit => field.Slot < limits ? Value(field, field.Codes, bytes, key, unknown) : null,
                    MprParameterShow.Record => field.Slot < records ? Value(field, field.Codes, bytes, key, unknown) : null,
                    _ => Value(field, field.Codes, bytes, key, unknown),
                };
                if (value is not null)
                {
                    entries.Add(new(key, value));
                }
            }
        }

        if (unknown.Count > 0)
        {
            warnings.Add($"technique parameter codes not seen in EC-Lab's exports are kept as numbers: {string.Join(", ", unknown.Take(10))}{(unknown.Count > 10 ? ", …" : string.Empty)}");
        }

        if (unknownControls.Count > 0)
        {
            warnings.Add($"control types not seen in EC-Lab's exports ({string.Join(", ", unknownControls.Take(10))}{(unknownControls.Count > 10 ? ", …" : string.Empty)}): which of their control values, units and references apply is not known, so they are not read");
        }

        return entries.ToImmutable();
    }

    /// <summary>The most limits (or records) any sequence has, at least 1: the export prints that many for every sequence.</summary>
    private static int Most(MprParameterLayout layout, string countName, ReadOnlySpan<byte> values, int sequences)
    {
        MprParameterField? count = layout.Fields.FirstOrDefault(f => f.Name == countName);
        int most = 1;
        for (int s = 0; count is not null && s < sequences; s++)
        {
            most = Math.Max(most, values[(s * layout.SequenceStride) + count.Offset]);
        }

        return most;
    }

    /// <summary>The controls a Modulo Bat sequence's control type prints; null for another technique or a type not seen.</summary>
    private static ImmutableArray<(FrozenDictionary<int, string>? Units, FrozenDictionary<int, string>? References)>? Controls(
        MprParameterLayout layout, ReadOnlySpan<byte> sequence, int index, List<string> unknownControls)
    {
        if (layout.Fields.FirstOrDefault(f => f.Name == "ctrl_type") is not { } type)
        {
            return null;
        }

        int code = sequence[type.Offset];
        if (MprControlTypes.Of(code) is { } controls)
        {
            return controls;
        }

        unknownControls.Add(string.Create(CultureInfo.InvariantCulture, $"Ns {index}: code {code}"));
        return null;
    }

    private static string Value(MprParameterField field, FrozenDictionary<int, string>? codes, ReadOnlySpan<byte> at, string key, List<string> unknown)
    {
        switch (field.Kind)
        {
            case MprParameterKind.Single or MprParameterKind.Duration:
                float value = BinaryPrimitives.ReadSingleLittleEndian(at);
                return float.IsNaN(value) ? "pass"
                    : float.IsInfinity(value) ? value.ToString(CultureInfo.InvariantCulture)
                    : field.Kind == MprParameterKind.Duration && value >= 0 ? BioLogicParameterText.Duration(value)
                    : BioLogicParameterText.Number(value);
            case MprParameterKind.Int32:
                return BinaryPrimitives.ReadInt32LittleEndian(at).ToString(CultureInfo.InvariantCulture);
            case MprParameterKind.Code when codes is not null:
                if (codes.TryGetValue(at[0], out string? text))
                {
                    return text;
                }

                unknown.Add(string.Create(CultureInfo.InvariantCulture, $"'{key}' = {at[0]}"));
                return at[0].ToString(CultureInfo.InvariantCulture);
            default:
                return at[0].ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>No block found: a warning, and an entry saying so, when the module is long enough to have held one.</summary>
    private static ImmutableArray<KeyValuePair<string, string>> NotFound(byte[] settings, List<string> warnings, string why)
    {
        if (settings.Length <= ChainStart)
        {
            return [];
        }

        warnings.Add($"the technique parameters of the settings module are not read: {why}");
        return [new("Technique parameters", "not found: " + why)];
    }
}
