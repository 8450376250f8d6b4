namespace Bot.Knowledge.Answers;

/// <summary>The clinic's contact details and local emergency numbers, bound from the <c>Clinic</c> configuration section.</summary>
public sealed record ClinicOptions
{
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

    /// <summary>One sentence telling how to reach the clinic, from whatever details are configured.</summary>
    public string ContactSentence()
    {
        var ways = new[] { Phone is null ? null : $"call {Phone}", Email is null ? null : $"e-mail {Email}", Url is null ? null : $"visit {Url}" }
            .Where(way => way is not null)
            .ToArray();
        var how = ways.Length == 0 ? $"contact {Name}" : $"{string.Join(" or ", ways)} to reach {Name}";
        return Hours is null ? $"Please {how}." : $"Please {how} ({Hours}).";
    }
}
