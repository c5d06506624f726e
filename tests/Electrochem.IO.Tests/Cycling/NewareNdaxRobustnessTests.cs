using System.Buffers.Binary;
using System.IO.Compression;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>
/// The Neware .ndax reader on damaged archives: an unknown .ndc version or file type, page counts and types that lie,
/// entries cut off or missing, sizes in the zip directory that lie (a zip bomb's claim), step and run-information
/// records that point outside the data, truncation and bit flips of the archive anywhere. Each must give a recording
/// or a <see cref="DataFileError"/> naming the file — never another exception or a huge allocation — and another zip
/// is not taken for an .ndax.
/// </summary>
public sealed class NewareNdaxRobustnessTests : IDisposable
{
    internal static readonly Lazy<(string Name, byte[] Bytes)[]> Samples = new(() => [(NewareNdaxTests.File, File.ReadAllBytes(CyclingFiles.Cellpy(NewareNdaxTests.File)))]);

    /// <summary>The archive's entries, decompressed once.</summary>
    private static readonly Lazy<(string Name, byte[] Bytes)[]> Entries = new(() =>
    {
        using var archive = new ZipArchive(new MemoryStream(Samples.Value[0].Bytes), ZipArchiveMode.Read);
        return [.. archive.Entries.Select(e =>
        {
            using Stream s = e.Open();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            return (e.FullName, copy.ToArray());
        })];
    });

    private readonly CyclerFileRobustnessTests _checks = new();

    public void Dispose() => _checks.Dispose();

    [Fact]
    public void An_unknown_ndc_version_is_refused() =>
        Refused(Rezip("data.ndc", b => b[2] = 14), "version 14, which this reader does not know (it reads version 17)");

    [Fact]
    public void A_wrong_file_type_is_refused() =>
        Refused(Rezip("data_step.ndc", b => b[0] = 1), "is a main data file (type 1), but a step file (type 7) was expected");

    [Fact]
    public void A_page_claiming_too_many_records_is_refused() =>
        Refused(Rezip("data.ndc", b => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(4096 * 3 + 2), 600)), "page 3 claims 600 records, but a page holds at most 495");

    [Fact]
    public void A_page_of_another_type_is_refused() =>
        Refused(Rezip("data_runInfo.ndc", b => b[4096 * 2] = 2), "page 2 has page type 2");

    [Fact]
    public void An_entry_cut_inside_a_page_is_refused() =>
        Refused(Rezip("data.ndc", null, b => b[..(4096 * 10 + 77)]), "an .ndc file is a 4096-byte header and whole 4096-byte pages");

    [Fact]
    public void A_missing_step_file_is_refused() =>
        Refused(Rezip("data_step.ndc", null, _ => null), "not both 'data_step.ndc' and 'data_runInfo.ndc'");

    [Fact]
    public void A_run_information_record_beyond_the_data_is_refused() =>
        Refused(Rezip("data_runInfo.ndc", b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4096 + 132 + (100 * 5) + 41), 9_000_000)), "belongs to main-data record 9000000, but the main data hold records 1 to 252951");

    [Fact]
    public void A_step_starting_before_the_previous_one_is_refused() =>
        Refused(Rezip("data_step.ndc", b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4096 + 132 + (100 * 3) + 33), 7)), "the step file's step 4 starts at record 7");

    [Fact]
    public void A_size_that_lies_in_the_zip_directory_is_refused_before_anything_is_read()
    {
        byte[] bytes = (byte[])Samples.Value[0].Bytes.Clone();
        foreach (int at in Directory(bytes, "data.ndc"))
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 24), 0xFFFF_F000);   // uncompressed size: 4 GiB
        }

        Refused(bytes, "claims 4294963200 bytes uncompressed, more than the 536870912");
    }

    [Fact]
    public void A_short_size_in_the_zip_directory_is_refused()
    {
        byte[] bytes = (byte[])Samples.Value[0].Bytes.Clone();
        foreach (int at in Directory(bytes, "data_step.ndc"))
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 24), 4096);
        }

        Refused(bytes, "'data_step.ndc'");
    }

    [Fact]
    public void Another_zip_is_not_taken_for_an_ndax()
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("data.csv").Open());
            writer.Write("time,current,voltage\n0,1,3\n");
        }

        string path = Path.Combine(Path.GetTempPath(), $"electrochem-not-ndax-{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(path, stream.ToArray());
        try
        {
            Assert.Equal(CyclerFileFormat.Auto, CyclerFile.Detect(path));
            DataFileResult<CyclerRecording> result = CyclerFile.TryRead(path);
            Assert.False(result.IsSuccess);
            Assert.Contains("looks like a binary file", result.Error!.Problem, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Property(MaxTest = 40)]
    public Property Damaged_archives_read_or_fail_with_the_file(int seed)
    {
        var random = new Random(seed);
        (string name, byte[] bytes) = Samples.Value[0];
        for (int m = 0, count = 1 + random.Next(2); m < count; m++)
        {
            bytes = Mutate(bytes, random);
        }

        _checks.AssertHandled(name, bytes);
        return true.ToProperty();
    }

    /// <summary>One damage to an archive: truncation or bit flips of the zip, or an .ndc entry damaged and zipped again (header, page types and counts, record fields that lie, truncation, removal), or a size in the zip directory that lies.</summary>
    internal static byte[] Mutate(byte[] bytes, Random random)
    {
        if (!CyclerFileRobustnessTests.IsZip(bytes) || bytes.Length < 1024)
        {
            return bytes.Length == 0 ? bytes : bytes[..random.Next(bytes.Length)];
        }

        string[] ndc = ["data.ndc", "data_step.ndc", "data_runInfo.ndc", "data_AUX_144_3_1.ndc"];
        string entry = ndc[random.Next(ndc.Length)];
        switch (random.Next(8))
        {
            case 0: // truncate the archive anywhere
                return bytes[..random.Next(bytes.Length)];
            case 1: // flip bits anywhere in the archive
                byte[] copy = (byte[])bytes.Clone();
                for (int i = 0; i < 1 + random.Next(8); i++)
                {
                    copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                }

                return copy;
            case 2: // an entry's header: file type or version
                return Rezip(bytes, entry, b => b[random.Next(2) * 2] = (byte)random.Next(32));
            case 3: // a page's type or record count lies
                return Rezip(bytes, entry, b =>
                {
                    int page = 4096 * random.Next(1, Math.Max(2, b.Length / 4096));
                    if (page + 4 <= b.Length)
                    {
                        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(page + (random.Next(2) * 2)), (ushort)(random.Next(3) == 0 ? 0xFFFF : random.Next(1000)));
                    }
                });
            case 4: // a record field lies (index, step, time, cycle, first record)
                return Rezip(bytes, entry, b =>
                {
                    for (int i = 0; i < 1 + random.Next(4); i++)
                    {
                        int at = 4096 + random.Next(Math.Max(1, b.Length - 4096 - 4));
                        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(at), random.Next(3) switch { 0 => uint.MaxValue, 1 => (uint)random.Next(300_000), _ => (uint)random.Next() });
                    }
                });
            case 5: // an entry cut off (inside a page, at a page boundary) or removed
                return Rezip(bytes, entry, null, b => random.Next(3) switch
                {
                    0 => null,
                    1 => b[..(4096 * random.Next(0, b.Length / 4096))],
                    _ => b[..random.Next(b.Length)],
                });
            case 6: // a size in the zip directory that lies
                byte[] lied = (byte[])bytes.Clone();
                foreach (int at in Directory(lied, entry))
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(lied.AsSpan(at + (random.Next(2) == 0 ? 20 : 24)), random.Next(3) switch { 0 => uint.MaxValue, 1 => (uint)random.Next(1 << 20), _ => (uint)random.Next() });
                }

                return lied;
            default: // bit flips inside an entry, zipped again
                return Rezip(bytes, entry, b =>
                {
                    for (int i = 0; i < 1 + random.Next(8); i++)
                    {
                        b[random.Next(b.Length)] ^= (byte)(1 << random.Next(8));
                    }
                });
        }
    }

    /// <summary>The sample's entries zipped again, one of them changed (or removed when <paramref name="replace"/> gives null).</summary>
    private static byte[] Rezip(string entry, Action<byte[]>? damage, Func<byte[], byte[]?>? replace = null) => Rezip(Samples.Value[0].Bytes, entry, damage, replace);

    private static byte[] Rezip(byte[] original, string entry, Action<byte[]>? damage, Func<byte[], byte[]?>? replace = null)
    {
        if (!ReferenceEquals(original, Samples.Value[0].Bytes))
        {
            return original; // Only the pristine sample is taken apart; a damaged one is damaged again in place by the other cases.
        }

        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, byte[] content) in Entries.Value)
            {
                byte[]? bytes = (byte[])content.Clone();
                if (name == entry)
                {
                    damage?.Invoke(bytes);
                    bytes = replace is null ? bytes : replace(bytes);
                }

                if (bytes is not null)
                {
                    using Stream s = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
                    s.Write(bytes);
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>The offsets of an entry's central-directory headers (<c>PK\x01\x02</c>, sizes at +20 and +24, name at +46).</summary>
    private static IEnumerable<int> Directory(byte[] bytes, string name)
    {
        byte[] target = System.Text.Encoding.ASCII.GetBytes(name);
        for (int at = 0; at + 46 + target.Length <= bytes.Length; at++)
        {
            if (bytes.AsSpan(at).StartsWith("PK\x01\x02"u8)
                && BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 28)) == target.Length
                && bytes.AsSpan(at + 46, target.Length).SequenceEqual(target))
            {
                yield return at;
            }
        }
    }

    private static void Refused(byte[] bytes, string reason)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        DataFileResult<CyclerRecording> result = CyclerFile.TryRead(new MemoryStream(bytes), "damaged.ndax");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.False(result.IsSuccess);
        Assert.Equal("damaged.ndax", result.Error!.FilePath);
        Assert.Contains(reason, result.Error.Problem, StringComparison.Ordinal);
        Assert.True(allocated < (64L << 20) + (60L * bytes.Length), $"{allocated} bytes allocated for a {bytes.Length}-byte archive");
    }
}
