using System.Buffers.Binary;
using System.Numerics;

namespace GenderPlan.Core.Rules;

/// <summary>
/// SHA-256 (FIPS 180-4) in managed code, for the rules version: a label that must stay the same for the same
/// files, not a security boundary. The platform's SHA-256 on Linux is OpenSSL's, and loading and initialising
/// OpenSSL cost about 8 ms of every <c>genderplan score</c>, a tenth of the whole command, to hash 30 KB.
/// The tests check this against the platform's implementation, so versions are exactly what they were.
/// </summary>
internal sealed class Sha256
{
    private static readonly uint[] RoundConstants =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private readonly uint[] _state = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    private readonly uint[] _schedule = new uint[64];
    private readonly byte[] _block = new byte[64];
    private int _blockLength;
    private long _length;

    /// <summary>Adds <paramref name="data"/> to what is hashed.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        _length += data.Length;
        while (data.Length > 0)
        {
            var taken = Math.Min(_block.Length - _blockLength, data.Length);
            data[..taken].CopyTo(_block.AsSpan(_blockLength));
            _blockLength += taken;
            data = data[taken..];
            if (_blockLength == _block.Length)
            {
                Compress();
                _blockLength = 0;
            }
        }
    }

    /// <summary>The 32-byte hash of everything appended; the instance is finished with.</summary>
    public byte[] Finish()
    {
        // A 1 bit, zeros up to 56 bytes into a block, then the message length in bits, big-endian.
        var bits = _length * 8;
        Span<byte> padding = stackalloc byte[72];
        padding.Clear();
        padding[0] = 0x80;
        var zerosEnd = (_blockLength < 56 ? 56 : 120) - _blockLength;
        BinaryPrimitives.WriteInt64BigEndian(padding[zerosEnd..], bits);
        Append(padding[..(zerosEnd + 8)]);

        var hash = new byte[32];
        for (var index = 0; index < _state.Length; index++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(hash.AsSpan(index * 4), _state[index]);
        }

        return hash;
    }

    private void Compress()
    {
        var w = _schedule;
        for (var t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(_block.AsSpan(t * 4));
        }

        for (var t = 16; t < 64; t++)
        {
            var s0 = BitOperations.RotateRight(w[t - 15], 7) ^ BitOperations.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
            var s1 = BitOperations.RotateRight(w[t - 2], 17) ^ BitOperations.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }

        var (a, b, c, d, e, f, g, h) = (_state[0], _state[1], _state[2], _state[3], _state[4], _state[5], _state[6], _state[7]);
        for (var t = 0; t < 64; t++)
        {
            var sum1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            var choice = (e & f) ^ (~e & g);
            var temp1 = h + sum1 + choice + RoundConstants[t] + w[t];
            var sum0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            var majority = (a & b) ^ (a & c) ^ (b & c);
            (h, g, f, e, d, c, b, a) = (g, f, e, d + temp1, c, b, a, temp1 + sum0 + majority);
        }

        _state[0] += a;
        _state[1] += b;
        _state[2] += c;
        _state[3] += d;
        _state[4] += e;
        _state[5] += f;
        _state[6] += g;
        _state[7] += h;
    }
}
