using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using FunnelInsight.Web.Instance;
using Microsoft.Extensions.Options;

namespace FunnelInsight.Web.Accounts;

/// <summary>
/// Authenticates <c>Authorization: Bearer fi_…</c> with a personal API token. The request then acts as the
/// token's user (limited to the token's store when it has one); no token or a bad one answers 401. A request from this
/// machine may also carry the running instance's operator token (<see cref="OperatorCredential.Header"/>), as the command
/// line does: it then acts as the operator too (the stores without members are its own), with or without a personal token.
/// </summary>
public sealed partial class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokens tokens, OperatorCredential operatorCredential)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The authentication scheme name.</summary>
    public const string SchemeName = "ApiToken";

    private const string Bearer = "Bearer ";

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[OperatorCredential.Header].ToString();
        var asOperator = presented.Length > 0;
        if (asOperator && !operatorCredential.Accepts(presented, Context.Connection))
        {
            return AuthenticateResult.Fail("The operator token is not this dashboard's, or the request does not come from this machine.");
        }

        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return asOperator ? Signed([new Claim(AccountClaims.Operator, "true")]) : AuthenticateResult.NoResult();
        }

        var token = await tokens.AuthenticateAsync(header[Bearer.Length..].Trim(), Context.RequestAborted);
        if (token is null)
        {
            return AuthenticateResult.Fail("The API token is unknown or revoked.");
        }

        Response.OnCompleted(() => RecordUseAsync(token.Id));
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, token.UserId),
            new(AccountClaims.TokenId, token.Id.ToString(CultureInfo.InvariantCulture)),
        };
        if (token.StoreId is { } storeId)
        {
            claims.Add(new Claim(AccountClaims.TokenStore, storeId.ToString(CultureInfo.InvariantCulture)));
        }

        if (asOperator)
        {
            claims.Add(new Claim(AccountClaims.Operator, "true"));
        }

        return Signed(claims);
    }

    private static AuthenticateResult Signed(List<Claim> claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));

    private async Task RecordUseAsync(int tokenId)
    {
        try
        {
            await tokens.RecordUseAsync(tokenId);
        }
        catch (System.Data.Common.DbException ex)
        {
            // "Last used" is informative only: a database busy with a long import must not fail the request.
            LogUseNotRecorded(Logger, ex, tokenId);
        }
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"FunnelInsight\"";
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the use of API token {TokenId}")]
    private static partial void LogUseNotRecorded(ILogger logger, Exception exception, int tokenId);
}
