namespace FunnelInsight.Core.Analytics.Rollups;

/// <summary>Reads the text part of one record (see <see cref="EventPartitions.Add(in PartitionedEvent)"/>) field by field.</summary>
internal ref struct PartitionRecordReader(byte[] data, int offset)
{
    private readonly byte _flags = data[offset + 48];
    private readonly int _start = offset;

    public int Offset { get; private set; } = offset + EventPartitions.FixedSize;

    public readonly ReadOnlySpan<byte> Fixed => data.AsSpan(_start, EventPartitions.FixedSize);

    public readonly bool HasSession => (_flags & 1) != 0;

    public readonly bool HasDevice => (_flags & 2) != 0;

    public readonly bool HasChannel => (_flags & 4) != 0;

    public readonly bool HasCountry => (_flags & 8) != 0;

    /// <summary>The session key, or the visitor key when there is no session id.</summary>
    public ReadOnlySpan<byte> GroupKey() => NextText();

    public ReadOnlySpan<byte> VisitorKey()
    {
        if (HasSession)
        {
            NextText();
        }

        return NextText();
    }

    public void SkipKeys()
    {
        if (HasSession)
        {
            NextText();
        }

        NextText();
    }

    public void SkipTexts()
    {
        var texts = 2 + (HasSession ? 1 : 0) + (HasDevice ? 1 : 0) + (HasChannel ? 1 : 0) + (HasCountry ? 1 : 0);
        for (var i = 0; i < texts; i++)
        {
            NextText();
        }
    }

    public ReadOnlySpan<byte> NextText()
    {
        var length = 0;
        var shift = 0;
        byte b;
        do
        {
            b = data[Offset++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);

        var text = data.AsSpan(Offset, length);
        Offset += length;
        return text;
    }
}
