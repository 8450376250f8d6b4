using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Bot.Knowledge.Corpus;

/// <summary>
/// Links each passage of a copied source (flattened, paraphrased) to the passage of the original that says the
/// same thing, so search treats them as one and cites the original. Two passages are the same when most of the
/// shorter one's terms occur in the longer one (containment); identical passages anywhere are merged too.
/// </summary>
public sealed class NearDuplicateMerger(Analyzer analyzer, double minContainment = 0.6)
{
    /// <summary>Returns the passages with <see cref="Passage.GroupId"/> set to the original passage's id.</summary>
    public IReadOnlyList<Passage> Merge(IReadOnlyList<Passage> passages, IReadOnlyDictionary<string, SourceMetadata> sources)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(sources);
        var terms = passages.Select(passage => Terms(passage.Text)).ToArray();
        var byExactText = new Dictionary<string, int>(StringComparer.Ordinal);
        var merged = new List<Passage>(passages.Count);
        foreach (var passage in passages)
        {
            var original = OriginalOf(passage.SourceId, sources);
            var group = passage.Id;
            if (original != passage.SourceId)
            {
                group = BestMatch(passage, passages, terms, original) ?? group;
            }
            else if (byExactText.TryGetValue(string.Join(' ', terms[passage.Id].Order(StringComparer.Ordinal)), out var twin))
            {
                group = twin;
            }

            byExactText.TryAdd(string.Join(' ', terms[passage.Id].Order(StringComparer.Ordinal)), passage.Id);
            merged.Add(passage with { GroupId = group });
        }

        return merged;
    }

    /// <summary>The distinct terms the analyzer makes of <paramref name="text"/>.</summary>
    private HashSet<string> Terms(string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    private static string OriginalOf(string sourceId, IReadOnlyDictionary<string, SourceMetadata> sources)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (sources.TryGetValue(sourceId, out var source) && source.DuplicateOf is { } parent && seen.Add(sourceId))
        {
            sourceId = parent;
        }

        return sourceId;
    }

    private int? BestMatch(Passage copy, IReadOnlyList<Passage> passages, HashSet<string>[] terms, string originalSourceId)
    {
        var copyTerms = terms[copy.Id];
        int? best = null;
        var bestScore = minContainment;
        foreach (var candidate in passages.Where(passage => passage.SourceId == originalSourceId))
        {
            var candidateTerms = terms[candidate.Id];
            var smaller = Math.Min(copyTerms.Count, candidateTerms.Count);
            if (smaller == 0)
            {
                continue;
            }

            var score = (double)copyTerms.Count(candidateTerms.Contains) / smaller;
            if (score >= bestScore)
            {
                (best, bestScore) = (candidate.Id, score);
            }
        }

        return best;
    }
}
