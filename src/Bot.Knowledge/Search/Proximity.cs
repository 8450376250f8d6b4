using Bot.Knowledge.Index;

namespace Bot.Knowledge.Search;

/// <summary>
/// The proximity bonus of one query: for each pair of neighbouring question words (at most one word apart in the
/// question) that stand within a few positions, in order, in a passage's body, a share of the lesser word's
/// importance. Not thread-safe: one instance serves one search.
/// </summary>
internal sealed class Proximity
{
    private readonly FieldIndex _body;
    private readonly int _window;
    private readonly List<(int Left, int Right, double Bonus)> _pairs = [];
    private readonly int[][] _termIds;
    private readonly (PostingList? Postings, int Index)[][] _found;

    public Proximity(FieldIndex body, Query query, SearchOptions options)
    {
        _body = body;
        _window = options.ProximityWindow;
        var clauses = query.Clauses;
        for (var i = 0; i + 1 < clauses.Count; i++)
        {
            if (clauses[i + 1].Position - clauses[i].Position <= 2)
            {
                _pairs.Add((i, i + 1, options.ProximityBoost * Math.Min(clauses[i].Importance, clauses[i + 1].Importance)));
            }
        }

        _termIds = [.. clauses.Select(clause => clause.Terms.Select(term => term.TermId).Where(id => body.Postings(id) is not null).ToArray())];
        _found = [.. _termIds.Select(ids => new (PostingList?, int)[ids.Length])];
    }

    /// <summary>The bonus <paramref name="passage"/> earns.</summary>
    public double Bonus(int passage)
    {
        if (_pairs.Count == 0)
        {
            return 0;
        }

        for (var clause = 0; clause < _termIds.Length; clause++)
        {
            for (var t = 0; t < _termIds[clause].Length; t++)
            {
                var postings = _body.Postings(_termIds[clause][t])!;
                var index = postings.IndexOf(passage);
                _found[clause][t] = index >= 0 ? (postings, index) : (null, -1);
            }
        }

        var bonus = 0.0;
        foreach (var (left, right, pairBonus) in _pairs)
        {
            bonus += StandClose(_found[left], _found[right]) ? pairBonus : 0;
        }

        return bonus;
    }

    private bool StandClose((PostingList? Postings, int Index)[] left, (PostingList? Postings, int Index)[] right)
    {
        foreach (var (leftPostings, leftIndex) in left)
        {
            if (leftPostings is null)
            {
                continue;
            }

            foreach (var (rightPostings, rightIndex) in right)
            {
                if (rightPostings is null)
                {
                    continue;
                }

                foreach (var r in rightPostings.PositionsAt(rightIndex))
                {
                    foreach (var l in leftPostings.PositionsAt(leftIndex))
                    {
                        if (r > l && r - l <= _window)
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }
}
