namespace Bot.Web.Hosting;

/// <summary>The analytics admin (section <c>Admin</c>).</summary>
public sealed record AdminOptions
{
    /// <summary>The key the admin page sends as a Bearer token; empty turns the admin API off.</summary>
    public string Key { get; init; } = string.Empty;
}
