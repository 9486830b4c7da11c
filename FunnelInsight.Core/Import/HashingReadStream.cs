using System.Security.Cryptography;

namespace FunnelInsight.Core.Import;

/// <summary>
/// A read-only stream over a file that hashes (SHA-256) and counts what passes through it, so a file is read once.
/// It may be moved back (to read a stretch again after a broken quote): bytes are hashed the first time they pass.
/// </summary>
internal sealed class HashingReadStream(Stream inner) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>How far into the file reading has reached (every byte before it is hashed).</summary>
    public long BytesRead { get; private set; }

    /// <summary>The SHA-256 of the whole file, hex: reads what has not been read yet.</summary>
    public string HashHex()
    {
        Position = BytesRead;
        var buffer = new byte[1 << 16];
        while (Read(buffer, 0, buffer.Length) > 0)
        {
        }

        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var start = inner.Position;
        var read = inner.Read(buffer);
        Hash(start, buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var start = inner.Position;
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Hash(start, buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    /// <summary>Where the next read starts; it may move back, never past <see cref="BytesRead"/>.</summary>
    public override long Position
    {
        get => inner.Position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, BytesRead);
            inner.Position = value;
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => Length + offset,
        };
        return Position;
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    // Reads never skip ahead of BytesRead, so the new bytes are the read's tail.
    private void Hash(long start, ReadOnlySpan<byte> read)
    {
        var end = start + read.Length;
        if (end > BytesRead)
        {
            _hash.AppendData(read[(int)(BytesRead - start)..]);
            BytesRead = end;
        }
    }
}
