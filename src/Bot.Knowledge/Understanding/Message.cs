using Bot.Knowledge.Semantic;

namespace Bot.Knowledge.Understanding;

/// <summary>
/// A user's message as the engine reads it: its text, its sentences, and its vector, computed once and carried to
/// every later step.
/// </summary>
public sealed class Message
{
    /// <summary>Longest message read, in characters; the rest is ignored.</summary>
    public const int MaxLength = 4_000;

    private Message(string text, IReadOnlyList<string> sentences, float[] vector)
    {
        Text = text;
        Sentences = sentences;
        Vector = vector;
    }

    /// <summary>The message as received (cut at <see cref="MaxLength"/>).</summary>
    public string Text { get; }

    /// <summary>Its sentences; one when the message is a single sentence.</summary>
    public IReadOnlyList<string> Sentences { get; }

    /// <summary>The whole message's vector.</summary>
    public float[] Vector { get; }

    /// <summary>Splits and embeds <paramref name="text"/>.</summary>
    public static Message Read(string text, IEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        text ??= string.Empty;
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }

        return new Message(text, MessageSentences.Split(text), embedder.Embed([text], EmbeddingKind.Query)[0]);
    }
}
