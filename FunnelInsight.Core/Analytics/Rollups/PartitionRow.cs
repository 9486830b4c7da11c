namespace FunnelInsight.Core.Analytics.Rollups;

/// <summary>The sort key of one record: group, then time, then id (the order events were stored in).</summary>
internal record struct PartitionRow(ulong Group, long TimeUs, long Id, long IdentityHash, int Offset) : IComparable<PartitionRow>
{
    public bool Repeated;

    public readonly int CompareTo(PartitionRow other)
    {
        var byGroup = Group.CompareTo(other.Group);
        if (byGroup != 0)
        {
            return byGroup;
        }

        var byTime = TimeUs.CompareTo(other.TimeUs);
        return byTime != 0 ? byTime : Id.CompareTo(other.Id);
    }
}
