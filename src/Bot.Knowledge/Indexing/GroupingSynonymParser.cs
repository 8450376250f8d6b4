using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Util;

namespace Bot.Knowledge.Indexing;

/// <summary>
/// Lucene's <see cref="SolrSynonymParser"/>, reading each synonym line as one group: every entry keeps its own words
/// and gets the line's group term (<see cref="GroupPrefix"/> and the first entry's terms, <c>~lou_gehrig_diseas</c>)
/// stacked on it. A question word then matches its own word first and the line's other words through the group term,
/// the two weighted apart; a multi-word entry becomes one group term spanning its words, so Lucene 4.8's
/// <see cref="SynonymFilter"/> needs no token graph. For <c>a, b => c</c> the group is c's, and c carries it too.
/// </summary>
internal sealed class GroupingSynonymParser(Analyzer analyzer) : SolrSynonymParser(dedup: true, expand: false, analyzer)
{
    /// <summary>The prefix of group terms; the tokenizer never produces it, so group terms never clash with words.</summary>
    public const string GroupPrefix = "~";

    /// <inheritdoc />
    public override void Add(CharsRef input, CharsRef output, bool includeOrig)
    {
        var group = new CharsRef(GroupPrefix + output.ToString().Replace(SynonymMap.WORD_SEPARATOR, '_'));
        base.Add(input, group, includeOrig: true);
        base.Add(output, group, includeOrig: true);
    }
}
