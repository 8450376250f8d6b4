using Bot.Core.Schema;

namespace Bot.Web.DirectLine;

/// <summary>Activities read from a transcript and the watermark after them.</summary>
/// <param name="Activities">In the order they were stored.</param>
/// <param name="Watermark">Pass back to read what follows.</param>
public sealed record ActivityPage(IReadOnlyList<Activity> Activities, long Watermark);
