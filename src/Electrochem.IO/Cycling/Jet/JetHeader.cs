using System.Buffers.Binary;

namespace Electrochem.IO.Cycling.Jet;

/// <summary>
/// The database definition page (page 0) of a Jet/ACE file: the magic <c>00 01 00 00 "Standard Jet DB"</c> (or
/// <c>"Standard ACE DB"</c>), the engine version, and — under a fixed RC4 mask from offset 0x18 — the page encoding key
/// (non-zero when the pages are encrypted) and the database password (masked again with the creation date).
/// </summary>
internal sealed record JetHeader(JetVersion Version, double CreationDate)
{
    private const int VersionOffset = 0x14;
    private const int MaskedStart = 0x18;
    private const int MaskedLength = 128;
    private const int EncodingKeyOffset = 0x3E;
    private const int PasswordOffset = 0x42;
    private const int PasswordLength = 40;
    private const int CreationDateOffset = 0x72;

    private static ReadOnlySpan<byte> HeaderKey => [0xC7, 0xDA, 0x39, 0x6B];

    /// <summary>True when the bytes start like a Jet or ACE database (the first 19 bytes).</summary>
    internal static bool HasMagic(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 19 && bytes[..4].SequenceEqual((ReadOnlySpan<byte>)[0x00, 0x01, 0x00, 0x00])
        && (bytes[4..19].SequenceEqual("Standard Jet DB"u8) || bytes[4..19].SequenceEqual("Standard ACE DB"u8));

    /// <summary>Checks page 0 and returns what it says; a file this reader cannot read is a <see cref="DataFileException"/> saying why.</summary>
    internal static JetHeader Parse(ReadOnlySpan<byte> page, string source)
    {
        if (!HasMagic(page) || page.Length < MaskedStart + MaskedLength)
        {
            throw new DataFileException(source, 1, "this is not a Jet/Access database: it does not start with 00 01 00 00 \"Standard Jet DB\" or \"Standard ACE DB\"");
        }

        byte version = page[VersionOffset];
        if (version == (byte)JetVersion.Jet3)
        {
            throw new DataFileException(source, 1, "this is a Jet 3 (Access 97) database, with 2 KiB pages; only Jet 4 and later (Access 2000 onwards, what Arbin's software writes) are read — convert it with Access, or export the Channel_Normal_Table as CSV");
        }

        if (version > (byte)JetVersion.Ace16)
        {
            throw new DataFileException(source, 1, $"the database declares engine version byte 0x{version:X2} at offset 0x14, which is not Jet 4 (0x01) or ACE (0x02–0x05); this reader does not know its layout");
        }

        Span<byte> masked = stackalloc byte[MaskedLength];
        page.Slice(MaskedStart, MaskedLength).CopyTo(masked);
        Rc4.Apply(HeaderKey, masked);
        if (BinaryPrimitives.ReadUInt32LittleEndian(masked[(EncodingKeyOffset - MaskedStart)..]) != 0)
        {
            throw new DataFileException(source, 1, "the database is encrypted (its page encoding key is set); encrypted Access databases are not read — decrypt it in Access (remove the database password) or export the tables as CSV");
        }

        double created = BinaryPrimitives.ReadDoubleLittleEndian(masked[(CreationDateOffset - MaskedStart)..]);
        if (version == (byte)JetVersion.Jet4 && HasPassword(masked.Slice(PasswordOffset - MaskedStart, PasswordLength), created))
        {
            throw new DataFileException(source, 1, "the database is protected by a database password; password-protected Access databases are not read — remove the password in Access or export the tables as CSV");
        }

        return new JetHeader((JetVersion)version, created);
    }

    /// <summary>True when the Jet 4 password field, unmasked with the creation date's whole days, holds any character.</summary>
    private static bool HasPassword(ReadOnlySpan<byte> field, double created)
    {
        int days = double.IsFinite(created) && created > int.MinValue && created < int.MaxValue ? (int)Math.Floor(created) : 0;
        Span<byte> mask = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(mask, days);
        for (int i = 0; i < field.Length; i++)
        {
            if ((field[i] ^ mask[i % 4]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The version in words, for messages and metadata.</summary>
    internal string Describe() => Version switch
    {
        JetVersion.Jet4 => "Jet 4",
        JetVersion.Ace12 => "ACE 12",
        JetVersion.Ace14 => "ACE 14",
        JetVersion.Ace15 => "ACE 15",
        _ => "ACE 16",
    };
}
