namespace Bot.Knowledge.Answers;

/// <summary>The clinic's contact details and local emergency numbers, bound from the <c>Clinic</c> configuration section.</summary>
public sealed record ClinicOptions
{
    /// <summary>True while these are the shipped demo values (a fictional clinic); the service warns at start-up until they are replaced.</summary>
    public bool Demo { get; init; }

    /// <summary>The clinic's name.</summary>
    public string Name { get; init; } = "the clinic";

    /// <summary>Phone number patients call.</summary>
    public string? Phone { get; init; }

    /// <summary>E-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Opening hours, as text.</summary>
    public string? Hours { get; init; }

    /// <summary>Web page.</summary>
    public string? Url { get; init; }

    /// <summary>The local emergency number.</summary>
    public string EmergencyNumber { get; init; } = "your local emergency number (911 in the US, 999 in the UK, 112 in the EU)";

    /// <summary>A crisis line for people thinking of harming themselves.</summary>
    public string CrisisLine { get; init; } = "a crisis line (988 in the US, 116 123 for Samaritans in the UK and Ireland)";

    /// <summary>Whether a phone number, e-mail address or web page is configured (empty settings count as none).</summary>
    public bool HasContact => Given(Phone) || Given(Email) || Given(Url);

    /// <summary>One sentence telling how to reach the clinic, from whatever details are configured.</summary>
    public string ContactSentence()
    {
        var ways = new[] { Given(Phone) ? $"call {Phone}" : null, Given(Email) ? $"e-mail {Email}" : null, Given(Url) ? $"visit {Url}" : null }
            .OfType<string>()
            .ToArray();
        var how = ways.Length switch
        {
            0 => $"Please contact {Name}.",
            1 => $"To reach {Name}, {ways[0]}.",
            _ => $"To reach {Name}, {string.Join(", ", ways[..^1])} or {ways[^1]}.",
        };
        return Given(Hours) ? $"{how} Opening hours: {Hours}." : how;
    }

    private static bool Given(string? value) => !string.IsNullOrWhiteSpace(value);
}
