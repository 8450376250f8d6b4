using System.Text.Json;

namespace Bot.Core.Dialogs;

/// <summary>
/// The value of a feedback invoke: <c>{actionName:"feedback", actionValue:{reaction:"like"|"dislike", feedback}}</c>,
/// where Teams sends <c>feedback</c> as a JSON string (<c>"{\"feedbackText\":\"…\"}"</c>) and Web Chat as an object.
/// </summary>
/// <param name="Reaction"><c>like</c> or <c>dislike</c>.</param>
/// <param name="Comment">The user's words, if any.</param>
public sealed record FeedbackValue(string Reaction, string? Comment)
{
    private const int MaxCommentLength = 2_000;

    /// <summary>The feedback in <paramref name="value"/>, or null when it is not a well-formed feedback value.</summary>
    public static FeedbackValue? Parse(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } root
            || !root.TryGetProperty("actionName", out var name) || !name.ValueEquals("feedback")
            || !root.TryGetProperty("actionValue", out var action) || action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("reaction", out var reaction) || reaction.ValueKind != JsonValueKind.String
            || reaction.GetString() is not ("like" or "dislike"))
        {
            return null;
        }

        return new FeedbackValue(reaction.GetString()!, ReadComment(action));
    }

    private static string? ReadComment(JsonElement action)
    {
        if (!action.TryGetProperty("feedback", out var feedback))
        {
            return null;
        }

        JsonElement details;
        if (feedback.ValueKind == JsonValueKind.String)
        {
            try
            {
                details = JsonDocument.Parse(feedback.GetString()!).RootElement;
            }
            catch (JsonException)
            {
                return null;
            }
        }
        else
        {
            details = feedback;
        }

        return details.ValueKind == JsonValueKind.Object && details.TryGetProperty("feedbackText", out var text) && text.ValueKind == JsonValueKind.String && text.GetString() is { Length: > 0 } comment
            ? comment[..Math.Min(comment.Length, MaxCommentLength)]
            : null;
    }
}
