using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace FunnelInsight.Web.Extensions;

/// <summary>
/// Running behind a TLS-terminating reverse proxy: the proxy's <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
/// are believed only from the proxies and networks configured (<c>ReverseProxy:KnownProxies</c>,
/// <c>ReverseProxy:KnownNetworks</c>; loopback always), so an HTTPS request is seen as HTTPS: its cookies are Secure,
/// its redirects stay on https://, and HSTS is sent.
/// </summary>
public static class ReverseProxyExtensions
{
    /// <summary>Reads the proxy settings.</summary>
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(IPNetwork.Parse(network));
            }
        });

        // A year, sub-domains left alone (a shop's other sites are not ours to pin). Only HTTPS answers carry it.
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });
        return services;
    }

    /// <summary>Applies the forwarded headers first, then HSTS outside development.</summary>
    public static WebApplication UseReverseProxySupport(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }
}
