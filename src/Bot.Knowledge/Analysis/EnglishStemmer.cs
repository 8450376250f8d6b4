namespace Bot.Knowledge.Analysis;

/// <summary>
/// The Snowball English ("Porter2") stemmer, written from the algorithm's published description
/// (snowballstem.org/algorithms/english/stemmer.html), as revised in Snowball 3: more fixed R1 prefixes,
/// "-ogist", "dying"-type words and vowel-initial doubles ("added" to "add"). Input is a lower-case word.
/// Not thread-safe: one instance per analyzer chain.
/// </summary>
public sealed class EnglishStemmer
{
    private static readonly Dictionary<string, string> Exceptions1 = new(StringComparer.Ordinal)
    {
        ["skis"] = "ski",
        ["skies"] = "sky",
        ["idly"] = "idl",
        ["gently"] = "gentl",
        ["ugly"] = "ugli",
        ["early"] = "earli",
        ["only"] = "onli",
        ["singly"] = "singl",
        ["sky"] = "sky",
        ["news"] = "news",
        ["howe"] = "howe",
        ["atlas"] = "atlas",
        ["cosmos"] = "cosmos",
        ["bias"] = "bias",
        ["andes"] = "andes",
    };

    private static readonly HashSet<string> Exceptions2 = new(StringComparer.Ordinal)
    {
        "inning", "outing", "canning", "herring", "earring", "evening", "proceed", "exceed", "succeed",
    };

    /// <summary>Prefixes whose end is taken as the start of R1, so that e.g. "general" and "generous" keep "gener".</summary>
    private static readonly string[] FixedR1Prefixes =
        ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"];

    private static readonly string[] Step2Suffixes =
    [
        "ization", "ogist", "ational", "fulness", "ousness", "iveness", "tional", "biliti", "lessli", "entli", "ation",
        "alism", "aliti", "ousli", "iviti", "fulli", "enci", "anci", "abli", "izer", "ator", "alli", "bli", "ogi", "li",
    ];

    private static readonly string[] Step3Suffixes =
        ["ational", "tional", "alize", "icate", "iciti", "ative", "ical", "ness", "ful"];

    private static readonly string[] Step4Suffixes =
    [
        "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize",
        "ion", "al", "er", "ic",
    ];

    private char[] _b = new char[32];
    private int _length;
    private int _p1;
    private int _p2;

    /// <summary>Returns the stem of <paramref name="word"/>, which must already be lower case.</summary>
    public string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (Exceptions1.TryGetValue(word, out var exception))
        {
            return exception;
        }

        if (word.Length < 3)
        {
            return word;
        }

        Load(word);
        Prelude();
        MarkRegions();
        Step1A();
        if (!Exceptions2.Contains(new string(_b, 0, _length)))
        {
            Step1B();
            Step1C();
            Step2();
            Step3();
            Step4();
            Step5();
        }

        return Result();
    }

    private void Load(string word)
    {
        if (_b.Length < word.Length)
        {
            _b = new char[word.Length * 2];
        }

        word.CopyTo(0, _b, 0, word.Length);
        _length = word.Length;
    }

    private string Result()
    {
        for (var i = 0; i < _length; i++)
        {
            if (_b[i] == 'Y')
            {
                _b[i] = 'y';
            }
        }

        return new string(_b, 0, _length);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private void Prelude()
    {
        if (_b[0] == '\'')
        {
            Array.Copy(_b, 1, _b, 0, _length - 1);
            _length--;
        }

        if (_length > 0 && _b[0] == 'y')
        {
            _b[0] = 'Y';
        }

        for (var i = 1; i < _length; i++)
        {
            if (_b[i] == 'y' && IsVowel(_b[i - 1]))
            {
                _b[i] = 'Y';
            }
        }
    }

    private void MarkRegions()
    {
        _p1 = _length;
        _p2 = _length;
        var prefix = Array.Find(FixedR1Prefixes, StartsWith);
        _p1 = prefix?.Length ?? RegionAfter(0);

        _p2 = RegionAfter(_p1);
    }

    /// <summary>The position after the first non-vowel that follows a vowel, searching from <paramref name="start"/>.</summary>
    private int RegionAfter(int start)
    {
        for (var i = start + 1; i < _length; i++)
        {
            if (!IsVowel(_b[i]) && IsVowel(_b[i - 1]))
            {
                return i + 1;
            }
        }

        return _length;
    }

    private bool StartsWith(string prefix)
    {
        if (_length < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (_b[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    private bool EndsWith(string suffix)
    {
        if (_length < suffix.Length)
        {
            return false;
        }

        var offset = _length - suffix.Length;
        for (var i = 0; i < suffix.Length; i++)
        {
            if (_b[offset + i] != suffix[i])
            {
                return false;
            }
        }

        return true;
    }

    private string? LongestSuffix(string[] suffixesLongestFirst)
    {
        foreach (var suffix in suffixesLongestFirst)
        {
            if (EndsWith(suffix))
            {
                return suffix;
            }
        }

        return null;
    }

    private void Replace(string suffix, string replacement)
    {
        var start = _length - suffix.Length;
        replacement.CopyTo(0, _b, start, replacement.Length);
        _length = start + replacement.Length;
    }

    private bool InR1(string suffix) => _length - suffix.Length >= _p1;

    private bool InR2(string suffix) => _length - suffix.Length >= _p2;

    private bool HasVowelBefore(int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (IsVowel(_b[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A short syllable ends at <paramref name="end"/> (exclusive).</summary>
    private bool EndsInShortSyllable(int end)
    {
        if (end == 2)
        {
            return IsVowel(_b[0]) && !IsVowel(_b[1]);
        }

        if (end < 3)
        {
            return false;
        }

        var last = _b[end - 1];
        return !IsVowel(_b[end - 3]) && IsVowel(_b[end - 2]) && !IsVowel(last) && last is not ('w' or 'x' or 'Y');
    }

    /// <summary>Snowball's shortv at the end of the word; "past" counts as short so "pasted" and "paste" meet.</summary>
    private bool EndsShort(int end) => EndsInShortSyllable(end) || (end >= 4 && new ReadOnlySpan<char>(_b, end - 4, 4).SequenceEqual("past"));

    private bool IsShortWord() => _p1 == _length && EndsShort(_length);

    private void Step1A()
    {
        if (EndsWith("'s'"))
        {
            _length -= 3;
        }
        else if (EndsWith("'s"))
        {
            _length -= 2;
        }
        else if (EndsWith("'"))
        {
            _length -= 1;
        }

        if (EndsWith("sses"))
        {
            _length -= 2;
        }
        else if (EndsWith("ied") || EndsWith("ies"))
        {
            Replace("ies", _length > 4 ? "i" : "ie");
        }
        else if (EndsWith("us") || EndsWith("ss"))
        {
            return;
        }
        else if (EndsWith("s") && HasVowelBefore(_length - 2))
        {
            _length -= 1;
        }
    }

    private void Step1B()
    {
        string? suffix = null;
        foreach (var candidate in (ReadOnlySpan<string>)["eedly", "ingly", "edly", "eed", "ing", "ed"])
        {
            if (EndsWith(candidate))
            {
                suffix = candidate;
                break;
            }
        }

        if (suffix is null)
        {
            return;
        }

        if (suffix is "eed" or "eedly")
        {
            if (InR1(suffix))
            {
                Replace(suffix, "ee");
            }

            return;
        }

        if (!HasVowelBefore(_length - suffix.Length))
        {
            return;
        }

        _length -= suffix.Length;
        if (suffix == "ing" && _length == 2 && _b[1] == 'y' && !IsVowel(_b[0]))
        {
            // dying, lying, tying: the "ie" the "-ing" form dropped comes back.
            _b[1] = 'i';
            _b[_length++] = 'e';
        }
        else if (EndsWith("at") || EndsWith("bl") || EndsWith("iz"))
        {
            _b[_length++] = 'e';
        }
        else if (_length >= 2 && _b[_length - 1] == _b[_length - 2] && _b[_length - 1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't')
        {
            if (_length == 3 && _b[0] is 'a' or 'e' or 'o')
            {
                // add, ebb, err, off: the double belongs to the root.
                return;
            }

            _length--;
        }
        else if (IsShortWord())
        {
            _b[_length++] = 'e';
        }
    }

    private void Step1C()
    {
        if (_length > 2 && _b[_length - 1] is 'y' or 'Y' && !IsVowel(_b[_length - 2]))
        {
            _b[_length - 1] = 'i';
        }
    }

    private void Step2()
    {
        var suffix = LongestSuffix(Step2Suffixes);
        if (suffix is null || !InR1(suffix))
        {
            return;
        }

        switch (suffix)
        {
            case "tional": Replace(suffix, "tion"); break;
            case "enci": Replace(suffix, "ence"); break;
            case "anci": Replace(suffix, "ance"); break;
            case "abli": Replace(suffix, "able"); break;
            case "entli": Replace(suffix, "ent"); break;
            case "izer" or "ization": Replace(suffix, "ize"); break;
            case "ational" or "ation" or "ator": Replace(suffix, "ate"); break;
            case "alism" or "aliti" or "alli": Replace(suffix, "al"); break;
            case "fulness": Replace(suffix, "ful"); break;
            case "ousli" or "ousness": Replace(suffix, "ous"); break;
            case "iveness" or "iviti": Replace(suffix, "ive"); break;
            case "biliti" or "bli": Replace(suffix, "ble"); break;
            case "ogi" or "ogist":
                if (_length > suffix.Length && _b[_length - suffix.Length - 1] == 'l')
                {
                    Replace(suffix, "og");
                }

                break;
            case "fulli": Replace(suffix, "ful"); break;
            case "lessli": Replace(suffix, "less"); break;
            case "li":
                if (_length > 2 && _b[_length - 3] is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't')
                {
                    _length -= 2;
                }

                break;
        }
    }

    private void Step3()
    {
        var suffix = LongestSuffix(Step3Suffixes);
        if (suffix is null || !InR1(suffix))
        {
            return;
        }

        switch (suffix)
        {
            case "tional": Replace(suffix, "tion"); break;
            case "ational": Replace(suffix, "ate"); break;
            case "alize": Replace(suffix, "al"); break;
            case "icate" or "iciti" or "ical": Replace(suffix, "ic"); break;
            case "ful" or "ness": _length -= suffix.Length; break;
            case "ative":
                if (InR2(suffix))
                {
                    _length -= suffix.Length;
                }

                break;
        }
    }

    private void Step4()
    {
        var suffix = LongestSuffix(Step4Suffixes);
        if (suffix is null || !InR2(suffix))
        {
            return;
        }

        if (suffix == "ion")
        {
            if (_length > 3 && _b[_length - 4] is 's' or 't')
            {
                _length -= 3;
            }

            return;
        }

        _length -= suffix.Length;
    }

    private void Step5()
    {
        if (EndsWith("e"))
        {
            if (InR2("e") || (InR1("e") && !EndsShort(_length - 1)))
            {
                _length--;
            }
        }
        else if (EndsWith("l") && InR2("l") && _length > 1 && _b[_length - 2] == 'l')
        {
            _length--;
        }
    }
}
