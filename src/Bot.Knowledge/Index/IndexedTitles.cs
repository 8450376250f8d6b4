namespace Bot.Knowledge.Index;

/// <summary>Source titles indexed once per source, and each passage's source ordinal.</summary>
/// <param name="Field">The title index; document ids are source ordinals.</param>
/// <param name="SourceOrdinals">The source ordinal of each passage, by passage id.</param>
internal sealed record IndexedTitles(FieldIndex Field, int[] SourceOrdinals);
