using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace FunnelInsight.Web.Instance;

/// <summary>
/// The running dashboard's operator token: random, made at each start and kept only in memory and in the instance file
/// (owner-only). A request carrying it in <see cref="Header"/> from this machine acts as the command line would on the
/// database files: the stores without members are its own. It is worth no more than those files, which whoever can
/// read the instance file can open anyway; it dies with the instance.
/// </summary>
public sealed class OperatorCredential
{
    /// <summary>The request header that carries the operator token.</summary>
    public const string Header = "X-FunnelInsight-Operator";

    private readonly byte[] _secret;

    /// <summary>A new, random operator token.</summary>
    public OperatorCredential() : this("fi_op_" + Base64Url(RandomNumberGenerator.GetBytes(32)))
    {
    }

    private OperatorCredential(string token)
    {
        Token = token;
        _secret = Encoding.UTF8.GetBytes(token);
    }

    /// <summary>The token, as written to the instance file.</summary>
    public string Token { get; }

    /// <summary>
    /// True when <paramref name="presented"/> is this instance's token and the connection comes from this machine (a
    /// loopback address, or the server's own address): the token is never accepted from another host, even if it leaked.
    /// </summary>
    public bool Accepts(string presented, ConnectionInfo connection) =>
        FromThisMachine(connection) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented.Trim()), _secret);

    private static bool FromThisMachine(ConnectionInfo connection) =>
        connection.RemoteIpAddress is { } remote && (IPAddress.IsLoopback(Plain(remote)) || Plain(remote).Equals(connection.LocalIpAddress is { } local ? Plain(local) : null));

    // A dual-stack socket shows 127.0.0.1 as ::ffff:127.0.0.1.
    private static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
