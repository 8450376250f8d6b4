using Bot.Core.Schema;

namespace Bot.Core.State;

/// <summary>Activities read from a transcript and the watermark after them.</summary>
/// <param name="Activities">In the order they were stored.</param>
/// <param name="Watermark">Pass back to read what follows.</param>
public sealed record TranscriptPage(IReadOnlyList<Activity> Activities, long Watermark);
