using System.Buffers.Binary;
using System.Text;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>
/// The technique parameters of an <c>.mpr</c> settings module, damaged: bytes overwritten, the chain's record lengths,
/// the parameter block's length, sequence count and field count made to lie. Only the settings module changes, so the
/// file still reads (its data module is intact) — the parameters are read, noted as not found or not decoded, never an
/// exception. impedance.py's EC-Lab 11.18 PEIS file (in the repository's test data), whose parameters are decoded.
/// </summary>
public sealed class MprParameterRobustnessTests : IDisposable
{
    private static readonly Lazy<byte[]> Sample = new(() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "impedancepy", "exampleDataBioLogic.mpr")));

    private readonly CyclerFileRobustnessTests _cycler = new();

    public void Dispose() => _cycler.Dispose();

    [Fact]
    public void The_sample_has_decoded_parameters()
    {
        CyclerRecording r = CyclerFile.Read(Path.Combine(AppContext.BaseDirectory, "Data", "impedancepy", "exampleDataBioLogic.mpr"));
        Assert.Contains(r.Metadata.HeaderEntries, e => e.Key == "Technique.vs." && e.Value == "Ref");
    }

    [Property(MaxTest = 300)]
    public Property Damaged_settings_read_without_an_exception(int seed)
    {
        var random = new Random(seed);
        byte[] bytes = [.. Sample.Value];
        int settings = SettingsStart(bytes);
        int length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(settings - 16));
        int block = Block(bytes, settings);
        for (int m = 0, count = 1 + random.Next(4); m < count; m++)
        {
            switch (random.Next(5))
            {
                case 0: // a chain record's or the block's length
                    int[] lengths = [settings + 0x352 + 1, settings + 0x467 + 1, block + 1];
                    BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(lengths[random.Next(lengths.Length)]), Lie(random));
                    break;
                case 1: // the sequence count
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(block + 5), (ushort)Lie(random));
                    break;
                case 2: // the field count or the layout version
                    bytes[block + (random.Next(2) == 0 ? 0 : 7)] = (byte)random.Next(256);
                    break;
                default: // any bytes of the parameter block
                    for (int i = 0, n = 1 + random.Next(16); i < n; i++)
                    {
                        bytes[block + random.Next(Math.Min(200, settings + length - block))] = (byte)random.Next(256);
                    }

                    break;
            }
        }

        Assert.True(_cycler.AssertHandled("settings-" + seed + ".mpr", bytes), $"seed {seed}: a damaged settings module made the file unreadable");
        return true.ToProperty();
    }

    /// <summary>A length or count that lies: 0, 1, the largest values, or anything.</summary>
    private static uint Lie(Random random) => random.Next(5) switch
    {
        0 => 0,
        1 => 1,
        2 => uint.MaxValue,
        3 => (uint)random.Next(0x10000),
        _ => (uint)random.Next(),
    };

    /// <summary>Where the settings module's data start (the older, 51-byte module header after <c>MODULE</c>).</summary>
    private static int SettingsStart(byte[] bytes) => bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes("MODULEVMP Set")) + 6 + 51;

    /// <summary>The parameter block: two chain records from byte 0x352 of the settings module.</summary>
    private static int Block(byte[] bytes, int settings)
    {
        int at = settings + 0x352;
        for (int i = 0; i < 2; i++)
        {
            at += 5 + BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + 1));
        }

        return at;
    }
}
