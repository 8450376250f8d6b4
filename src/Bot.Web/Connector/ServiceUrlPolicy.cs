namespace Bot.Web.Connector;

/// <summary>
/// Which <c>serviceUrl</c>s the bot may send replies (and its token) to. Without an app id the caller is not
/// authenticated, so replies go only to this machine (the Emulator): http(s) to localhost or a loopback address,
/// never a name that could resolve elsewhere. With an app id the address came from an authenticated activity and
/// must be https (plain http only to loopback, for local tools and tests).
/// </summary>
public static class ServiceUrlPolicy
{
    /// <summary>Whether replies may be sent to <paramref name="serviceUrl"/>.</summary>
    public static bool Allows(string? serviceUrl, bool anonymous)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0)
        {
            return false;
        }

        var loopback = uri.IsLoopback && (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase));
        return uri.Scheme == Uri.UriSchemeHttps ? loopback || !anonymous : uri.Scheme == Uri.UriSchemeHttp && loopback;
    }
}
