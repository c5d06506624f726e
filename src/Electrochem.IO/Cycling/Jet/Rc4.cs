namespace Electrochem.IO.Cycling.Jet;

/// <summary>
/// The RC4 stream cipher, used here only to lift the fixed mask Jet lays over part of a database's first page (it hides
/// nothing: the key is the same in every file). Never use it to protect anything.
/// </summary>
internal static class Rc4
{
    /// <summary>XORs <paramref name="data"/> in place with the key stream of <paramref name="key"/>.</summary>
    internal static void Apply(ReadOnlySpan<byte> key, Span<byte> data)
    {
        Span<byte> s = stackalloc byte[256];
        for (int i = 0; i < 256; i++)
        {
            s[i] = (byte)i;
        }

        int j = 0;
        for (int i = 0; i < 256; i++)
        {
            j = (j + s[i] + key[i % key.Length]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
        }

        int x = 0;
        int y = 0;
        for (int k = 0; k < data.Length; k++)
        {
            x = (x + 1) & 0xFF;
            y = (y + s[x]) & 0xFF;
            (s[x], s[y]) = (s[y], s[x]);
            data[k] ^= s[(s[x] + s[y]) & 0xFF];
        }
    }
}
