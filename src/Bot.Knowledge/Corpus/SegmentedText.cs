namespace Bot.Knowledge.Corpus;

/// <summary>The text passages are cut from, and its blocks.</summary>
/// <param name="Text">The file itself for plain text and Markdown; the rendered visible text for HTML. Offsets count in it.</param>
/// <param name="Blocks">The classified blocks, in reading order.</param>
public sealed record SegmentedText(string Text, IReadOnlyList<TextBlock> Blocks);
