using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Knowledge.Corpus;
using Bot.Knowledge.Highlight;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Retrieval;
using Bot.Knowledge.Semantic;
using Bot.Knowledge.Triage;
using Bot.Knowledge.Understanding;

namespace Bot.Knowledge.Answers;

/// <summary>
/// The one place every channel gets its replies from. The message is read once (its sentences and its vector), then
/// triaged (emergencies before anything else, then small talk, see <see cref="MessageTriage"/>), then searched; an
/// answer is given only when the best passage covers enough of the question, and is made of the passages' own
/// sentences with numbered citations; when the best passage is one of the clinic's own answers (a source of kind
/// qa), the reply is that answer alone. Everything else is declined plainly, with the
/// clinic's contact. Never writes medical text of its own.
/// </summary>
public sealed partial class AnswerService(IPassageSearcher searcher, PassageHighlighter highlighter, IEmbedder embedder, MessageTriage triage, HybridRanker ranker, AnswerOptions options, ClinicOptions clinic, SpellingCorrector? speller = null)
{
    /// <summary>Lexical hits taken as candidates, beside every passage's similarity in meaning.</summary>
    private const int SearchDepth = 30;

    /// <summary>Ranked passages kept for composition and follow-ups.</summary>
    private const int AnswerDepth = 8;

    /// <summary>The whole message's best passages, one of which a long message's question read alone must answer from.</summary>
    private const int StoryCandidates = 3;

    private static readonly SentenceWindow Window = new();
    private const int MaxFollowUps = 3;

    private readonly FollowUpReader _followUps = new(embedder);
    private readonly ConcurrentDictionary<string, ConversationTurn> _replies = new(StringComparer.Ordinal);
    private readonly SpellingCorrector _speller = speller ?? SpellingCorrector.None;

    /// <summary>The not-medical-advice notice channels show once per conversation.</summary>
    public string Notice => options.Notice;

    /// <summary>Replies to <paramref name="message"/>.</summary>
    public Answer Ask(string message) => Ask(message, new HashSet<int>());

    /// <summary>
    /// Answers <paramref name="message"/> without citing the passages in <paramref name="seen"/> (for "tell me more":
    /// the next best passages); declines when nothing unseen covers the question.
    /// </summary>
    public Answer Ask(string message, IReadOnlySet<int> seen) => Ask(message, null, seen).Answer;

    /// <summary>
    /// Answers <paramref name="message"/> in a conversation about <paramref name="topic"/>: triage reads the message
    /// alone first (small talk its model read may still continue the topic, see <see cref="MayBeAFollowUp"/>); "what
    /// about X?" after a question on a subject asks that question about X and makes it the topic; any other message
    /// is retrieved alone and joined with the topic (see <see cref="FollowUpReader"/>), the two readings chosen
    /// between by whether the ranker answers each confidently. A reply read against the topic says so ("About
    /// cachexia: …"); one read alone starts a new topic. Returns the reply and the topic after it (none after an
    /// emergency, the same after small talk). A conversation's first message is answered from memory when it was
    /// asked before (see <see cref="AnswerOptions.RememberedReplies"/>).
    /// </summary>
    public ConversationTurn Ask(string message, ConversationTopic? topic, IReadOnlySet<int> seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var question = message ?? string.Empty;
        if (topic is not null || seen.Count > 0 || options.RememberedReplies <= 0)
        {
            return Reply(question, topic, seen);
        }

        // A first message's reply depends on its text alone (the corpus, index and models of this service never change),
        // and runs of white space change none of the steps: a repeat is answered from memory, as the message was sent.
        var key = WhiteSpace.Collapse(question);
        if (!_replies.TryGetValue(key, out var turn))
        {
            turn = Reply(question, topic, seen);
            if (_replies.Count >= options.RememberedReplies)
            {
                _replies.Clear();
            }

            _replies[key] = turn;
        }

        return turn with { Answer = turn.Answer with { Question = question } };
    }

    private ConversationTurn Reply(string question, ConversationTopic? topic, IReadOnlySet<int> seen)
    {
        var read = Message.Read(question, embedder);
        var verdict = triage.Classify(read);
        if (verdict.Emergency is { } emergency)
        {
            return new(new Answer(question, AnswerKind.Emergency, EmergencyText(emergency), [], Math.Round(verdict.EmergencyProbability, 3), []), null);
        }

        var joinedText = FollowUpReader.Joined(question, topic);
        if (verdict.SmallTalk is { } smallTalk)
        {
            // Small talk the triage model read may continue the topic instead: answered when its joined reading answers.
            var joined = joinedText is not null && MayBeAFollowUp(question, smallTalk) ? RetrieveSpelled(joinedText, seen) : null;
            return joined is { Answerable: true } && topic is not null
                ? FollowUp(question, topic, joined, seen)
                : new(new Answer(question, AnswerKind.SmallTalk, SmallTalkText(smallTalk), [], 1, []), topic);
        }

        if (_followUps.AskedAbout(question, topic) is var (rewrites, subject))
        {
            var (other, retrieved) = rewrites.Select(rewrite => (rewrite, RetrieveSpelled(rewrite, seen))).MaxBy(reading => reading.Item2.Confidence);
            var switched = Respond(question, retrieved, seen);
            var next = ConversationTopic.Start(other, switched.Citations.Select(citation => citation.PassageId), subject);
            return new(switched.Kind == AnswerKind.Answer ? switched with { Text = $"About {next.Subject}: {switched.Text}" } : switched, next);
        }

        // Triage read the message as written; the search reads it as the articles spell it. The message alone is
        // retrieved only when a reading needs it: a message answered part by part after no topic never is.
        var alone = new Lazy<Retrieved>(() => RetrieveSpelled(read.Text, seen, read), LazyThreadSafetyMode.None);
        if (joinedText is not null && topic is not null)
        {
            var joined = RetrieveSpelled(joinedText, seen);
            if (FollowUpReader.PreferJoined(FollowUpReader.Leans(question), alone.Value.Answerable, joined.Answerable))
            {
                return FollowUp(question, topic, joined, seen);
            }
        }

        var answer = EachPart(question, seen) ?? Respond(question, AloneOrAsked(question, alone.Value, seen), seen);
        return new(answer, ConversationTopic.Start(question, answer.Citations.Select(citation => citation.PassageId)));
    }

    /// <summary>
    /// <paramref name="text"/> retrieved as the articles spell it; the vector of <paramref name="read"/> (the text as
    /// written, already embedded) serves when the spelling changed nothing.
    /// </summary>
    private Retrieved RetrieveSpelled(string text, IReadOnlySet<int> seen, Message? read = null)
    {
        var spelled = _speller.Correct(text);
        return Retrieve(spelled, read is not null && ReferenceEquals(spelled, text) ? read.Vector : Message.Read(spelled, embedder).Vector, seen);
    }

    /// <summary>
    /// A message that tells something and then asks one question, declined as a whole, is answered when its question
    /// alone is: the story can pull the whole message's vector away from the passage that answers it. But only from a
    /// passage among the whole message's <see cref="StoryCandidates"/> best: a question that leans on its story ("is
    /// losing muscle part of that?" after anorexia, or after a leg in a cast) read alone finds the same general passage
    /// whatever the story said.
    /// </summary>
    private Retrieved AloneOrAsked(string question, Retrieved alone, IReadOnlySet<int> seen) =>
        !alone.Answerable && QuestionParts.Asked(question) is { } asked && RetrieveSpelled(asked, seen) is { Answerable: true } own
        && alone.Result.Hits.Take(StoryCandidates).Any(hit => hit.Passage.Id == own.Result.Hits[0].Passage.Id)
            ? own
            : alone;

    /// <summary>The reply to a follow-up read against <paramref name="topic"/>, saying so ("About cachexia: …"), and the topic continued.</summary>
    private ConversationTurn FollowUp(string question, ConversationTopic topic, Retrieved joined, IReadOnlySet<int> seen)
    {
        var reply = Respond(question, joined, seen);
        if (reply.Kind == AnswerKind.Answer)
        {
            reply = reply with { Text = $"About {topic.Subject}: {reply.Text}" };
        }

        return new(reply, topic.Continue(question, reply.Citations.Select(citation => citation.PassageId)));
    }

    /// <summary>
    /// Whether small talk the triage model read ("how does it work?" as a question about the bot, "benefits?" as
    /// one about what it can do) may instead continue the topic: only a question to the bot (not thanks, greetings,
    /// goodbyes, praise or complaints), not one the rules recognise, and one that continues (see
    /// <see cref="FollowUpReader.Continues"/>).
    /// </summary>
    private static bool MayBeAFollowUp(string question, SmallTalk smallTalk) =>
        smallTalk is SmallTalk.Capabilities or SmallTalk.Identity or SmallTalk.HowAreYou
        && SmallTalkRules.Detect(question) is null
        && FollowUpReader.Continues(question);

    /// <summary>Lexical candidates and every passage's similarity to <paramref name="vector"/>, ranked, with the calibrated confidence.</summary>
    private Retrieved Retrieve(string text, float[] vector, IReadOnlySet<int> seen)
    {
        SearchResult? searched = null;
        using var scan = ranker.Scan(vector, () => searched = searcher.Search(text, SearchDepth));
        var ranked = ranker.Rank(searched!.Index.Passages, searched, vector, scan).Where(candidate => !seen.Contains(candidate.Passage.Id)).Take(AnswerDepth).ToList();
        var confidence = ranker.Confidence(ranked, vector, RankingWeights.WordCount(text));
        var hits = DefinitionFirst(text, [.. ranked.Select(candidate => new SearchHit(candidate.Passage, candidate.Score, candidate.Coverage))]);
        return new Retrieved(searched with { Hits = hits }, ranked.ToDictionary(candidate => candidate.Passage.Id), confidence, ranked.Count > 0 && confidence >= ranker.Weights.MinConfidence);
    }

    private Answer Respond(string question, Retrieved retrieved, IReadOnlySet<int> seen) =>
        retrieved.Answerable
            ? Compose(question, retrieved.Result, seen, retrieved.Ranked, retrieved.Confidence)
            : new Answer(question, AnswerKind.Decline, DeclineText(), [], Math.Round(retrieved.Confidence, 3), []);

    /// <summary>
    /// A message that asks several questions (see <see cref="QuestionParts"/>) gets each answered by its own passage's
    /// first citation, in order, and says plainly which the articles do not answer; null when it asks one question, or
    /// when no part can be answered on its own (the whole message is then read as one).
    /// </summary>
    private Answer? EachPart(string question, IReadOnlySet<int> seen)
    {
        var parts = QuestionParts.Split(question);
        if (parts.Count < 2)
        {
            return null;
        }

        var answers = parts.Select(part => (Part: part, Answer: Respond(part.Text, RetrieveSpelled(part.Reading, seen), seen))).ToList();
        if (answers.TrueForAll(entry => entry.Answer.Kind != AnswerKind.Answer))
        {
            return null;
        }

        var text = new StringBuilder();
        var citations = new List<Citation>();
        foreach (var (part, answer) in answers)
        {
            text.Append(text.Length == 0 ? string.Empty : " ");
            if (answer.Kind != AnswerKind.Answer)
            {
                text.Append($"The articles I can quote don't answer “{part.Text.TrimEnd('?', ' ', '.')}”.");
            }
            else if (answer.Citations.FirstOrDefault(citation => citations.TrueForAll(cited => cited.PassageId != citation.PassageId)) is { } citation)
            {
                citations.Add(citation with { N = citations.Count + 1 });
                text.Append(WhiteSpace.Collapse(citation.Snippet)).Append($" [{citations.Count}]");
            }
        }

        if (answers.Exists(entry => entry.Answer.Kind != AnswerKind.Answer))
        {
            text.Append(' ').Append(clinic.ContactSentence());
        }

        var answered = answers.Where(entry => entry.Answer.Kind == AnswerKind.Answer).Select(entry => entry.Answer).ToList();
        var followUps = answered.SelectMany(answer => answer.FollowUps).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxFollowUps).ToArray();
        return new Answer(question, AnswerKind.Answer, text.ToString().TrimEnd(), citations, answered.Min(answer => answer.Confidence), followUps);
    }

    /// <summary>What retrieval found for one text: the ranked hits, their features, the confidence, and whether to answer.</summary>
    private sealed record Retrieved(SearchResult Result, Dictionary<int, RankedPassage> Ranked, double Confidence, bool Answerable);

    private Answer Compose(string question, SearchResult result, IReadOnlySet<int> seen, Dictionary<int, RankedPassage> ranked, double confidence)
    {
        var snapshot = result.Index;
        var top = result.Hits[0];
        if (IsQa(snapshot, top.Passage))
        {
            return ClinicAnswer(question, result, snapshot, confidence);
        }

        // An answer quotes articles or the clinic's own answers, never both.
        result = result with { Hits = [.. result.Hits.Where(hit => !IsQa(snapshot, hit.Passage))] };
        var citations = new List<Citation>();
        var text = new StringBuilder();
        var cited = new HashSet<int>();
        var first = highlighter.Highlight(snapshot, top.Passage, result.Query);
        Cite(top.Passage, Snippet(top.Passage));

        // A paragraph that continues the cited one (next in its section, opening with a reference back to it) and
        // says what the question asks that the cited sentences do not comes next: "The condition causes damage to the
        // nerves ..." after "Multiple sclerosis (MS) is a type of autoimmune disease ...".
        if (Continuation(snapshot, top.Passage) is { } next && !seen.Contains(next.Id) && ContinuationCue().IsMatch(next.Text) && highlighter.Highlight(snapshot, next, result.Query) is var more
            && more.Covered.Select((covered, clause) => covered > 0 && first.Covered[clause] == 0).Any(adds => adds))
        {
            Cite(next, more);
        }

        foreach (var hit in result.Hits.Skip(1))
        {
            if (citations.Count == options.MaxCitations)
            {
                break;
            }

            if (!cited.Contains(hit.Passage.Id) && hit.Score >= options.SecondaryScoreRatio * top.Score && hit.Coverage >= options.MinCoverage)
            {
                Cite(hit.Passage, Snippet(hit.Passage));
            }
        }

        var followUps = result.Hits
            .Select(hit => hit.Passage.Heading)
            .OfType<string>()
            .Where(heading => citations.TrueForAll(citation => citation.Heading != heading))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxFollowUps)
            .ToArray();
        return new Answer(question, AnswerKind.Answer, text.ToString(), citations, Math.Round(confidence, 3), followUps);

        // The opening sentence (see OpeningSentence), grown as a reader needs it; the lexical window when the passage
        // has no sentence of its own (a one-line passage).
        Snippet Snippet(Passage passage)
        {
            var sentences = SentenceSplitter.Split(passage.Text);
            if (!ranked.TryGetValue(passage.Id, out var candidate) || candidate.SentenceIndex < 0 || candidate.SentenceIndex >= sentences.Count)
            {
                return highlighter.Highlight(snapshot, passage, result.Query);
            }

            var opening = OpeningSentence.Choose(question, passage.Text, sentences, candidate.SentenceIndex, _speller.Occurrences);
            return Window.Grow(passage, sentences, opening, opening, candidate.Score);
        }

        void Cite(Passage passage, Snippet snippet)
        {
            var sentence = WhiteSpace.Collapse(snippet.Text);
            var marker = $" [{citations.Count + 1}]";
            if (citations.Count > 0 && text.Length + 1 + sentence.Length + marker.Length > options.MaxAnswerLength)
            {
                return;
            }

            var source = snapshot.Sources[passage.SourceId];
            citations.Add(new Citation(citations.Count + 1, source.Id, source.DisplayTitle, source.Publisher, source.Url, snippet.Text, snippet.Start, snippet.End, passage.Heading) { PassageId = passage.Id });
            cited.Add(passage.Id);
            text.Append(text.Length == 0 ? string.Empty : " ").Append(sentence).Append(marker);
        }
    }

    /// <summary>
    /// The clinic's answer to the question its entry matches, whole and verbatim, cited as the clinic's page; the
    /// clinic's other matching questions are the follow-ups.
    /// </summary>
    private static Answer ClinicAnswer(string question, SearchResult result, PassageIndex snapshot, double confidence)
    {
        var top = result.Hits[0];
        var passage = top.Passage;
        var source = snapshot.Sources[passage.SourceId];
        var citation = new Citation(1, source.Id, source.DisplayTitle, source.Publisher, source.Url, passage.Text, passage.Start, passage.End, passage.Heading) { PassageId = passage.Id };
        var followUps = result.Hits.Skip(1)
            .Where(hit => IsQa(snapshot, hit.Passage) && hit.Passage.Heading is not null)
            .Select(hit => hit.Passage.Heading!)
            .Take(MaxFollowUps)
            .ToArray();
        return new Answer(question, AnswerKind.Answer, WhiteSpace.Collapse(passage.Text) + " [1]", [citation], Math.Round(confidence, 3), followUps);
    }

    private static bool IsQa(PassageIndex snapshot, Passage passage) => snapshot.Sources.TryGetValue(passage.SourceId, out var source) && source.IsQa;

    /// <summary>
    /// For "what is X" / "what does X mean" / "define X", the first of the competitive hits that defines X (see
    /// <see cref="DefinitionFinder"/>) moves to the front: a definition answers that question better than a fact about X.
    /// </summary>
    private List<SearchHit> DefinitionFirst(string question, List<SearchHit> hits)
    {
        var subject = DefinitionFinder.Subject(question);
        if (subject is null || hits.Count < 2)
        {
            return hits;
        }

        var top = hits[0];
        var index = hits.FindIndex(hit => hit.Score >= options.SecondaryScoreRatio * top.Score && hit.Coverage >= options.MinCoverage && DefinitionFinder.Defines(hit.Passage.Text, subject));
        if (index <= 0)
        {
            return hits;
        }

        var definition = hits[index];
        hits.RemoveAt(index);
        hits.Insert(0, definition);
        return hits;
    }

    /// <summary>The next paragraph of the same section of the same source, if there is one.</summary>
    private static Passage? Continuation(PassageIndex snapshot, Passage passage)
    {
        var id = passage.Id + 1;
        return id < snapshot.PassageCount && snapshot.Passages[id] is var next
            && next.SourceId == passage.SourceId && next.Heading == passage.Heading && next.GroupId == next.Id
            ? next
            : null;
    }


    private string DeclineText() =>
        "I couldn't find an answer to that in the articles I can quote, so I won't guess. I can only answer questions about muscle wasting (muscle atrophy) from those articles. "
        + clinic.ContactSentence();

    private string EmergencyText(Emergency flag) => flag switch
    {
        Emergency.SelfHarm =>
            $"I'm really sorry you're going through this. Please get help now: call {clinic.CrisisLine}, or {clinic.EmergencyNumber} if you are in danger. You don't have to face this alone.",
        Emergency.Stroke =>
            $"These can be signs of a stroke. Call {clinic.EmergencyNumber} now. Note the time the symptoms started, and don't wait to see if they pass.",
        Emergency.Poisoning =>
            $"This may be a poisoning or an overdose. Call {clinic.EmergencyNumber} now, even if there are no symptoms yet, and keep the medicine's packet to show them.",
        _ =>
            $"This may be a medical emergency. Call {clinic.EmergencyNumber} now or go to the nearest emergency department. Don't wait for an answer from this chat.",
    };

    private string SmallTalkText(SmallTalk kind) => kind switch
    {
        SmallTalk.Thanks => "You're welcome. Ask me anything else about muscle wasting.",
        SmallTalk.Goodbye => "Goodbye, and take care.",
        SmallTalk.Capabilities =>
            "I answer questions about muscle wasting (muscle atrophy): what it is, its causes and symptoms, and treatments such as exercise, nutrition and physical therapy. Each answer quotes published articles and cites them. "
            + options.Notice,
        SmallTalk.Identity =>
            "I'm an automated assistant, not a person or a doctor. I answer questions about muscle wasting by quoting published articles, with their sources. For advice about your own health, "
            + char.ToLowerInvariant(clinic.ContactSentence()[0]) + clinic.ContactSentence()[1..],
        SmallTalk.Compliment => "Thank you, I'm glad it helps. Is there anything else about muscle wasting you'd like to know?",
        SmallTalk.HowAreYou => "I'm a program, so I'm always ready to help. What would you like to know about muscle wasting?",
        SmallTalk.Acknowledgement => "All right. Is there anything else you'd like to know about muscle wasting?",
        SmallTalk.Complaint =>
            "I'm sorry that didn't help. Try asking in other words, or one thing at a time; I can only quote the articles I have. " + clinic.ContactSentence(),
        _ => "Hello! I answer questions about muscle wasting (muscle atrophy), quoting published articles. What would you like to know?",
    };

    /// <summary>A paragraph opening that refers back to the one before: a pronoun, or "the" with a general noun.</summary>
    [GeneratedRegex(@"^(?:(?:This|These|That|Those|It|Its|They|Their|Such)\b|The (?:condition|disease|disorder|illness|damage|problem|process|treatment|symptoms?)\b)")]
    private static partial Regex ContinuationCue();
}
