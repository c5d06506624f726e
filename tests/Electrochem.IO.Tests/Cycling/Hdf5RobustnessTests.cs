using System.Buffers.Binary;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>
/// The HDF5 reader on damaged files: truncation, bit flips anywhere or in the superblock and object headers near the
/// start, and sizes, counts and addresses that lie. Each must give a recording or a <see cref="DataFileError"/> on
/// line 1 naming the file — never another exception (PureHDF's own are wrapped) or an endless loop — within the same
/// allocation bound as every other reader: the structure is walked and its sizes checked before PureHDF allocates
/// from them (Hdf5StructureCheck).
/// </summary>
public sealed class Hdf5RobustnessTests : IDisposable
{
    internal static readonly Lazy<(string Name, byte[] Bytes)[]> Samples = new(() =>
    [
        (Hdf5Tests.ArbinSql, File.ReadAllBytes(CyclingFiles.Cellpy(Hdf5Tests.ArbinSql))),
        (Hdf5Tests.Indigo, File.ReadAllBytes(CyclingFiles.Beep(Hdf5Tests.Indigo))),
    ]);

    private readonly CyclerFileRobustnessTests _checks = new();

    public void Dispose() => _checks.Dispose();

    [Theory]
    [InlineData(0, 8)]
    [InlineData(0, 100)]
    [InlineData(1, 4096)]
    [InlineData(1, 600_000)]
    public void A_truncated_file_is_refused_with_its_name(int sample, int length)
    {
        (string name, byte[] bytes) = Samples.Value[sample];
        DataFileResult<CyclerRecording> result = CyclerFile.TryRead(new MemoryStream(bytes[..length]), name);
        Assert.False(result.IsSuccess);
        Assert.Equal(name, result.Error!.FilePath);
        Assert.Equal(1, result.Error.LineNumber);
    }

    [Fact]
    public void A_dataset_claiming_more_bytes_than_the_file_is_refused_before_allocating()
    {
        // The Indigo sample's block values are contiguous: cut the file after its metadata and the sizes no longer fit.
        (string name, byte[] bytes) = Samples.Value[1];
        long before = GC.GetAllocatedBytesForCurrentThread();
        DataFileResult<CyclerRecording> result = CyclerFile.TryRead(new MemoryStream(bytes[..(bytes.Length / 3)]), name);
        Assert.False(result.IsSuccess);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64L << 20);
    }

    [Property(MaxTest = 100)]
    public Property Damaged_files_read_or_fail_with_the_file(int seed)
    {
        var random = new Random(seed);
        (string name, byte[] bytes) = Samples.Value[random.Next(Samples.Value.Length)];
        for (int m = 0, count = 1 + random.Next(3); m < count; m++)
        {
            bytes = Mutate(bytes, random);
        }

        _checks.AssertHandled(name, bytes);
        return true.ToProperty();
    }

    // Seeds of the property above that made PureHDF allocate before the structure was checked: 1.4 to 1.5 GiB for an
    // attribute whose dataspace or datatype claims more elements than its message holds; 530 MiB for a table whose
    // datatype size (1 MiB) disagreed with its chunks' element size (136 bytes).
    [Theory]
    [InlineData(353, "attribute")]
    [InlineData(765, "attribute")]
    [InlineData(794, "attribute")]
    [InlineData(5051, "but its datatype's elements are 1048712 bytes")]
    public void A_size_claiming_more_than_its_message_or_chunk_is_refused_before_allocating(int seed, string reason)
    {
        var random = new Random(seed);
        (string name, byte[] bytes) = Samples.Value[random.Next(Samples.Value.Length)];
        for (int m = 0, count = 1 + random.Next(3); m < count; m++)
        {
            bytes = Mutate(bytes, random);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        DataFileResult<CyclerRecording> result = CyclerFile.TryRead(new MemoryStream(bytes), name);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.False(result.IsSuccess);
        Assert.Contains(reason, result.Error!.Problem, StringComparison.Ordinal);
        Assert.True(allocated < 16L << 20, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_truncated_file_is_refused_from_its_superblock()
    {
        (string name, byte[] bytes) = Samples.Value[0];
        DataFileResult<CyclerRecording> result = CyclerFile.TryRead(new MemoryStream(bytes[..(bytes.Length - 1000)]), name);
        Assert.False(result.IsSuccess);
        Assert.Contains($"but the file is only {bytes.Length - 1000} bytes long (truncated?)", result.Error!.Problem, StringComparison.Ordinal);
    }

    /// <summary>One damage to an HDF5 file: truncation, bit flips anywhere or in its first 4 KiB (superblock, root group, object headers), and 8-byte sizes or addresses that lie.</summary>
    internal static byte[] Mutate(byte[] bytes, Random random)
    {
        if (bytes.Length < 64)
        {
            return bytes.Length == 0 ? bytes : bytes[..random.Next(bytes.Length)];
        }

        byte[] copy = (byte[])bytes.Clone();
        int head = Math.Min(copy.Length, 4096);
        switch (random.Next(5))
        {
            case 0: // truncate anywhere
                return bytes[..random.Next(bytes.Length)];
            case 1: // flip bits anywhere
                for (int i = 0; i < 1 + random.Next(8); i++)
                {
                    copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                }

                return copy;
            case 2: // flip bits in the superblock and the first object headers
                for (int i = 0; i < 1 + random.Next(4); i++)
                {
                    copy[random.Next(head)] ^= (byte)(1 << random.Next(8));
                }

                return copy;
            case 3: // an 8-byte size or address that lies
                ulong value = random.Next(3) switch { 0 => ulong.MaxValue, 1 => (ulong)random.Next(bytes.Length * 2), _ => (ulong)random.NextInt64() };
                BinaryPrimitives.WriteUInt64LittleEndian(copy.AsSpan(random.Next(copy.Length - 8)), value);
                return copy;
            default: // a 4-byte count that lies, near the start
                BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(random.Next(head - 4)), random.Next(2) == 0 ? uint.MaxValue : (uint)random.Next(1 << 20));
                return copy;
        }
    }
}
