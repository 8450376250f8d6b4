using Microsoft.Identity.Client;

namespace Bot.Web.Connector;

/// <summary>Gives MSAL the host's named HttpClient, so its token calls use the host's handlers (and tests can answer them).</summary>
public sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
{
    /// <summary>The name of the HttpClient MSAL uses.</summary>
    public const string ClientName = "msal";

    /// <inheritdoc />
    public HttpClient GetHttpClient() => factory.CreateClient(ClientName);
}
