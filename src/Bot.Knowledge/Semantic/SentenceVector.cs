namespace Bot.Knowledge.Semantic;

/// <summary>One sentence of a passage and its vector; offsets are within the passage's text.</summary>
/// <param name="Start">Offset of the sentence's first character in the passage's text.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="Vector">Its unit vector.</param>
public sealed record SentenceVector(int Start, int End, float[] Vector);
