namespace Bot.Knowledge.Corpus;

/// <summary>Narrows a span of text to exclude white space at either end.</summary>
internal static class SpanTrimmer
{
    /// <summary>Adds the trimmed span of <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/> to <paramref name="spans"/>, unless it is empty.</summary>
    public static void AddTrimmed(string text, int start, int end, List<(int Start, int End)> spans)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            spans.Add((start, end));
        }
    }
}
