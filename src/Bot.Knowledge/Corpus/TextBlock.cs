namespace Bot.Knowledge.Corpus;

/// <summary>A block of a source file found by a segmenter: a span of the file and what kind of block it is.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset just past the last character.</param>
/// <param name="Kind">Paragraph, heading or list item.</param>
/// <param name="Text">The text of the span, verbatim.</param>
/// <param name="BlankLinesBefore">How many blank lines come before it (a paragraph gap in flattened text counts as one).</param>
public sealed record TextBlock(int Start, int End, BlockKind Kind, string Text, int BlankLinesBefore);
