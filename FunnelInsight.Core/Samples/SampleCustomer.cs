namespace FunnelInsight.Core.Samples;

/// <summary>A generated customer: a number, whether they have an account (else a guest known by e-mail), their order count.</summary>
internal sealed class SampleCustomer(long number, bool hasAccount)
{
    public long Number { get; } = number;

    public bool HasAccount { get; } = hasAccount;

    public int Orders { get; set; }
}
