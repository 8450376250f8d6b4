using Bot.Web.Connector;

namespace Bot.Web.Tests.Connector;

public sealed class ServiceUrlPolicyTests
{
    [Theory]
    [InlineData("http://localhost:3979/", true, true)]
    [InlineData("http://127.0.0.1:9000/emulator/", true, true)]
    [InlineData("https://[::1]:8443/", true, true)]
    [InlineData("http://169.254.169.254/", true, false)]
    [InlineData("http://10.0.0.5/", true, false)]
    [InlineData("http://[::ffff:10.0.0.5]/", true, false)]
    [InlineData("https://smba.trafficmanager.net/teams/", true, false)]
    [InlineData("http://localhost.attacker.example/", true, false)]
    [InlineData("http://user:pass@127.0.0.1/", true, false)]
    [InlineData("gopher://127.0.0.1/", true, false)]
    [InlineData("file:///etc/passwd", true, false)]
    [InlineData("/relative", true, false)]
    [InlineData(null, true, false)]
    [InlineData("https://smba.trafficmanager.net/teams/", false, true)]
    [InlineData("http://127.0.0.1:9/", false, true)]
    [InlineData("http://smba.trafficmanager.net/teams/", false, false)]
    [InlineData("ftp://smba.trafficmanager.net/", false, false)]
    public void Allows_ServiceUrl_OnlyWhereTheModeSendsReplies(string? serviceUrl, bool anonymous, bool expected)
    {
        Assert.Equal(expected, ServiceUrlPolicy.Allows(serviceUrl, anonymous));
    }
}
