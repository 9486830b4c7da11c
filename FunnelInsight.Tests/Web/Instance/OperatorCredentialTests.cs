using FunnelInsight.Web.Instance;
using Microsoft.AspNetCore.Http;

namespace FunnelInsight.Tests.Web.Instance;

/// <summary>The operator token is accepted only when it is this instance's and the connection comes from this machine.</summary>
public sealed class OperatorCredentialTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", true)]
    [InlineData("::1", "::1", true)]
    [InlineData("::ffff:127.0.0.1", "::ffff:127.0.0.1", true)]
    [InlineData("192.168.1.5", "192.168.1.5", true)]
    [InlineData("10.0.0.7", "127.0.0.1", false)]
    [InlineData("10.0.0.7", "10.0.0.5", false)]
    public void The_token_is_accepted_only_from_this_machine(string remote, string local, bool accepted)
    {
        var credential = new OperatorCredential();

        Assert.Equal(accepted, credential.Accepts(credential.Token, Connection(remote, local)));
    }

    [Fact]
    public void Another_instances_token_or_a_cut_one_is_refused_even_from_loopback()
    {
        var credential = new OperatorCredential();
        var other = new OperatorCredential();
        var connection = Connection("127.0.0.1", "127.0.0.1");

        Assert.StartsWith("fi_op_", credential.Token, StringComparison.Ordinal);
        Assert.NotEqual(credential.Token, other.Token);
        Assert.False(credential.Accepts(other.Token, connection));
        Assert.False(credential.Accepts(credential.Token[..^1], connection));
        Assert.False(credential.Accepts("", connection));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://0.0.0.0:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://[::]:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://localhost:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://+:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://[::1]:5080", "http://[::1]:5080/")]
    [InlineData("https://127.0.0.1:5443;http://10.0.0.5:5080", "http://10.0.0.5:5080/")]
    [InlineData("http://10.0.0.5:5080;http://127.0.0.1:5081", "http://127.0.0.1:5081/")]
    public void The_instance_file_names_the_address_this_machine_reaches_plain_http_and_loopback_first(string bound, string written)
    {
        Assert.Equal(new Uri(written), InstanceFilePublisher.LocalAddress(bound.Split(';')));
    }

    private static ConnectionInfo Connection(string remote, string local)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        http.Connection.LocalIpAddress = IPAddress.Parse(local);
        return http.Connection;
    }
}
