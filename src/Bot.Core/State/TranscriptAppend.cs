namespace Bot.Core.State;

/// <summary>The outcome of appending to a transcript.</summary>
/// <param name="Id">The activity's id.</param>
/// <param name="Added">False when the activity was a retry of one already stored.</param>
public sealed record TranscriptAppend(string Id, bool Added);
