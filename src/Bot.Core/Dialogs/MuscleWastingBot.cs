using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Core.Analytics;
using Bot.Core.Schema;
using Bot.Core.State;
using Bot.Core.Turns;
using Bot.Knowledge.Answers;

namespace Bot.Core.Dialogs;

/// <summary>
/// The dialog every channel runs: a welcome with the not-medical-advice notice when someone joins; each message
/// answered by the <see cref="AnswerService"/> against the conversation's topic (kept in <see cref="ConversationState"/>,
/// so a follow-up such as "how is it treated?" is read as being about it) and rendered for the channel, with follow-up topics as suggested
/// actions; "tell me more" gives the next best passages for the last question; "talk to the clinic" gives the
/// clinic's contact details. The notice is shown once per conversation. On Teams and Web Chat answers carry the
/// feedback loop; a vote (invoke <c>message/submitAction</c>) is recorded with the answer it rates (and confirmed on Web Chat
/// by a <see cref="FeedbackEvent"/>). Every question's
/// outcome (answered, declined, emergency, clinic requested) goes to the <see cref="IAnalyticsStore"/>.
/// </summary>
public sealed partial class MuscleWastingBot(AnswerService answers, AnswerOptions options, ClinicOptions clinic, IStorage storage, IAnalyticsStore analytics, TimeProvider clock) : ActivityHandler
{
    /// <summary>The suggested action that asks for the clinic's contact details.</summary>
    public const string TalkToClinic = "Talk to the clinic";

    /// <summary>The suggested action that asks for more on the last question.</summary>
    public const string TellMeMore = "Tell me more";

    /// <summary>The event that confirms a vote on Web Chat and Direct Line: <c>value</c> is <c>{ activityId, reaction }</c>.</summary>
    public const string FeedbackEvent = "feedback";

    private const int MaxSuggestedActions = 3;

    /// <summary>How many sent answers a conversation remembers for votes.</summary>
    private const int RememberedAnswers = 20;

    private static readonly JsonElement FeedbackLoop = JsonSerializer.SerializeToElement(new { feedbackLoop = new { type = "default" } });

    /// <inheritdoc />
    protected override async Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> members, TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var state = await ReadStateAsync(turn, cancellationToken);
        var welcome = new Activity
        {
            Text = "Hello! I answer questions about muscle wasting (muscle atrophy) with quotes from published articles, each one cited. " + options.Notice,
            TextFormat = "plain",
            SuggestedActions = Actions(["What is muscle atrophy?", "What causes muscle wasting?", TalkToClinic]),
        };
        await turn.SendAsync(welcome, cancellationToken);
        await WriteStateAsync(turn, state with { NoticeShown = true }, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var text = MessageText(turn.Activity);
        var state = await ReadStateAsync(turn, cancellationToken);
        if (ClinicRequest().IsMatch(text))
        {
            await RecordAsync(turn, QuestionOutcome.ClinicRequested, text, cancellationToken: cancellationToken);
            await turn.SendAsync(new Activity { Text = clinic.ContactSentence(), TextFormat = "plain" }, cancellationToken);
            return;
        }

        Answer answer;
        var topic = state.Topic;
        var more = MoreRequest().IsMatch(text) && state.LastQuestion is not null;
        HashSet<int> seen = more ? [.. state.Seen] : [];
        if (more)
        {
            answer = answers.Ask(state.LastQuestion!, state.Topic, seen).Answer;
            if (answer.Kind == AnswerKind.Decline)
            {
                await turn.SendAsync(new Activity { Text = $"That is all the articles I can quote say about it. {clinic.ContactSentence()}", TextFormat = "plain", SuggestedActions = Actions([TalkToClinic]) }, cancellationToken);
                return;
            }
        }
        else
        {
            (answer, topic) = answers.Ask(text, state.Topic, seen);
            if (Outcome(answer.Kind) is { } outcome)
            {
                await RecordAsync(turn, outcome, text, answer.Kind == AnswerKind.Answer ? answer.Confidence : null, cancellationToken: cancellationToken);
            }
        }

        var reply = ReplyRenderer.Render(answer, turn.Activity.ChannelId);
        if (!state.NoticeShown && answer.Kind == AnswerKind.Answer)
        {
            reply.Text += (reply.TextFormat == "markdown" ? "\n\n_" + ReplyRenderer.EscapeMarkdown(options.Notice) + "_" : "\n\n" + options.Notice);
        }

        reply.SuggestedActions = answer.Kind switch
        {
            AnswerKind.Answer => Actions([.. answer.FollowUps.Take(MaxSuggestedActions - 1), TellMeMore]),
            AnswerKind.Decline => Actions([TalkToClinic]),
            _ => null,
        };
        var answered = answer.Kind == AnswerKind.Answer;
        if (answered && ReplyRenderer.Style(turn.Activity.ChannelId) != CitationStyle.PlainText)
        {
            reply.ChannelData = FeedbackLoop;
        }

        var sentId = await turn.SendAsync(reply, cancellationToken);
        var sent = new SentAnswer(answer.Question, answer.Kind.ToString().ToLowerInvariant(), answer.Text, answer.Confidence, [.. answer.Citations.Select(citation => citation.SourceId)]);
        await WriteStateAsync(
            turn,
            state with
            {
                LastQuestion = answered ? answer.Question : state.LastQuestion,
                Seen = answered ? [.. seen, .. answer.Citations.Select(citation => citation.PassageId)] : state.Seen,
                Topic = topic,
                NoticeShown = state.NoticeShown || answered,
                SentAnswers = sentId is null ? state.SentAnswers : Remember(state.SentAnswers, sentId, sent),
            },
            cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.Name != "message/submitAction" || FeedbackValue.Parse(turn.Activity.Value) is not { } value)
        {
            return;
        }

        var state = await ReadStateAsync(turn, cancellationToken);
        var activityId = turn.Activity.ReplyToId;
        var rated = activityId is not null && state.SentAnswers.TryGetValue(activityId, out var known) ? known : null;
        var outcome = value.Reaction == "like" ? QuestionOutcome.RatedUp : QuestionOutcome.RatedDown;
        await RecordAsync(turn, outcome, rated?.Question ?? string.Empty, rated?.Confidence, rated?.Text, value.Comment, $"vote|{activityId}|{value.Reaction}", cancellationToken);
        if (activityId is not null && ReplyRenderer.Style(turn.Activity.ChannelId) == CitationStyle.WebChat)
        {
            // Kept in the transcript, so a widget that loads the conversation again shows the vote as cast.
            var recorded = JsonSerializer.SerializeToElement(new { activityId, reaction = value.Reaction });
            await turn.SendAsync(new Activity { Type = ActivityTypes.Event, Name = FeedbackEvent, Value = recorded }, cancellationToken);
        }

        turn.InvokeResponse = new InvokeResponse(200, new { });
    }

    private static QuestionOutcome? Outcome(AnswerKind kind) => kind switch
    {
        AnswerKind.Answer => QuestionOutcome.Answered,
        AnswerKind.Decline => QuestionOutcome.Declined,
        AnswerKind.Emergency => QuestionOutcome.Emergency,
        _ => null,
    };

    /// <summary>Records an outcome, keyed by the channel's activity id (or <paramref name="key"/>) so a redelivered activity is counted once.</summary>
    private Task RecordAsync(TurnContext turn, QuestionOutcome outcome, string question, double? confidence = null, string? answer = null, string? comment = null, string? key = null, CancellationToken cancellationToken = default)
    {
        var activity = turn.Activity;
        var eventKey = (key ?? activity.Id) is { } id ? $"{activity.ChannelId}|{activity.Conversation?.Id}|{id}" : null;
        return analytics.AddAsync(new AnalyticsEvent(clock.GetUtcNow(), activity.ChannelId, activity.Conversation?.Id, outcome, question, confidence, answer, comment, eventKey), cancellationToken);
    }

    private static Dictionary<string, SentAnswer> Remember(IReadOnlyDictionary<string, SentAnswer> answers, string id, SentAnswer answer)
    {
        var kept = answers.TakeLast(RememberedAnswers - 1).ToDictionary(StringComparer.Ordinal);
        kept[id] = answer;
        return kept;
    }

    /// <summary>The message text without Teams mentions of the bot (<c>&lt;at&gt;Bot&lt;/at&gt;</c>), trimmed.</summary>
    private static string MessageText(Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        foreach (var entity in (activity.Entities ?? []).OfType<JsonElement>())
        {
            if (entity.ValueKind == JsonValueKind.Object
                && entity.TryGetProperty("type", out var type) && type.ValueEquals("mention")
                && entity.TryGetProperty("mentioned", out var mentioned) && mentioned.ValueKind == JsonValueKind.Object
                && mentioned.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == activity.Recipient?.Id
                && entity.TryGetProperty("text", out var mentionText) && mentionText.GetString() is { Length: > 0 } mention)
            {
                text = text.Replace(mention, string.Empty, StringComparison.Ordinal);
            }
        }

        return text.Trim();
    }

    private static SuggestedActions? Actions(IReadOnlyList<string> titles) =>
        titles.Count == 0 ? null : new SuggestedActions { Actions = [.. titles.Select(title => new CardAction { Title = title, Value = title })] };

    private static string StateKey(TurnContext turn) => $"conversation/{turn.Activity.ChannelId}/{turn.Activity.Conversation?.Id}";

    private async Task<ConversationState> ReadStateAsync(TurnContext turn, CancellationToken cancellationToken) =>
        await storage.ReadAsync<ConversationState>(StateKey(turn), cancellationToken) ?? new ConversationState();

    private Task WriteStateAsync(TurnContext turn, ConversationState state, CancellationToken cancellationToken) =>
        storage.WriteAsync(StateKey(turn), state, cancellationToken);

    [GeneratedRegex(@"^\W*(?:(?:please\s+)?tell me more|more|more please|go on|continue)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex MoreRequest();

    [GeneratedRegex(@"^\W*(?:talk|speak|talk to|speak to|contact|call|phone|reach)\s+(?:to\s+|with\s+)?(?:the\s+|a\s+|my\s+)?(?:clinic|doctor|someone|a person|a human|staff)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex ClinicRequest();
}
