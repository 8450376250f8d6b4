namespace Bot.Web.DirectLine;

/// <summary>The outcome of reading a Direct Line token.</summary>
public enum TokenCheck
{
    /// <summary>Signed by this service, unexpired, of the asked scope.</summary>
    Valid,

    /// <summary>Not signed by this service, malformed, or of another scope.</summary>
    Forged,

    /// <summary>Signed by this service but past its expiry.</summary>
    Expired,
}
