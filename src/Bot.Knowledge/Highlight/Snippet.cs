namespace Bot.Knowledge.Highlight;

/// <summary>The best few sentences of a passage, verbatim, with their offsets in the source file.</summary>
/// <param name="Text">The source's characters from <paramref name="Start"/> to <paramref name="End"/>, unchanged.</param>
/// <param name="Start">Offset in the source file of the first character.</param>
/// <param name="End">Offset in the source file just past the last character.</param>
/// <param name="Score">How much of the question the sentences cover (summed clause importance).</param>
/// <param name="Covered">For each clause of the question, how much of its importance the sentences cover.</param>
public sealed record Snippet(string Text, int Start, int End, double Score, IReadOnlyList<double> Covered);
