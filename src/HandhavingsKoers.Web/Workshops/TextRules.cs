namespace HandhavingsKoers.Web.Workshops;

/// <summary>What counts as acceptable text from a user. Violations raise a <see cref="WorkshopRuleException"/>.</summary>
public static class TextRules
{
    public const int DisplayNameMaxLength = 60;

    public static string NoteText(string? raw)
    {
        const string field = nameof(Note.Text);
        var text = Clean(raw);
        if (text.Length == 0)
        {
            throw new WorkshopRuleException(Messages.NoteEmpty, field);
        }

        if (text.Length > Note.MaxLength)
        {
            throw new WorkshopRuleException(Messages.NoteTooLong(text.Length), field);
        }

        return HasForbiddenCharacters(text) ? throw new WorkshopRuleException(Messages.NoteBadCharacters, field) : text;
    }

    /// <summary>A participant's action or a team action (same length); <paramref name="field"/> names it in an error.</summary>
    public static string ActionText(string? raw, string field)
    {
        var text = Clean(raw);
        if (text.Length == 0)
        {
            throw new WorkshopRuleException(Messages.ActionEmpty, field);
        }

        if (text.Length > ParticipantAction.MaxLength)
        {
            throw new WorkshopRuleException(Messages.ActionTooLong(text.Length), field);
        }

        return HasForbiddenCharacters(text) ? throw new WorkshopRuleException(Messages.NoteBadCharacters, field) : text;
    }

    /// <summary>A required line of text, such as a gemeente's name or a workshop's title.</summary>
    public static string Line(string? raw, int maxLength, string emptyMessage, string tooLongMessage, string field)
    {
        var text = Clean(raw);
        if (text.Length == 0)
        {
            throw new WorkshopRuleException(emptyMessage, field);
        }

        if (text.Length > maxLength)
        {
            throw new WorkshopRuleException(tooLongMessage, field);
        }

        return HasForbiddenCharacters(text) || text.Contains('\n')
            ? throw new WorkshopRuleException(Messages.NoteBadCharacters, field)
            : text;
    }

    /// <summary>Who picks up a team action: a role or a name, on one line.</summary>
    public static string Owner(string? raw)
    {
        const string field = nameof(TeamAction.Owner);
        var text = Clean(raw);
        if (text.Length == 0)
        {
            throw new WorkshopRuleException(Messages.OwnerRequired, field);
        }

        if (text.Length > TeamAction.OwnerMaxLength)
        {
            throw new WorkshopRuleException(Messages.OwnerTooLong, field);
        }

        return HasForbiddenCharacters(text) || text.Contains('\n')
            ? throw new WorkshopRuleException(Messages.NoteBadCharacters, field)
            : text;
    }

    /// <summary>A free text that may be left empty (null then).</summary>
    public static string? OptionalText(string? raw, int maxLength, string field)
    {
        var text = Clean(raw);
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length > maxLength)
        {
            throw new WorkshopRuleException(Messages.TextTooLong(text.Length, maxLength), field);
        }

        return HasForbiddenCharacters(text) ? throw new WorkshopRuleException(Messages.NoteBadCharacters, field) : text;
    }

    /// <summary>Optional: empty means anonymous.</summary>
    public static string? DisplayName(string? raw)
    {
        const string field = nameof(Participant.DisplayName);
        var text = Clean(raw);
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length > DisplayNameMaxLength)
        {
            throw new WorkshopRuleException(Messages.DisplayNameTooLong, field);
        }

        return HasForbiddenCharacters(text) || text.Contains('\n')
            ? throw new WorkshopRuleException(Messages.DisplayNameBadCharacters, field)
            : text;
    }

    /// <summary>
    /// Browsers send a textarea's line breaks as CRLF, which would count twice against the limit the page shows;
    /// we store LF only, and trim. Exactly what is stored, so a retried post can be compared with it.
    /// </summary>
    public static string Clean(string? raw)
    {
        var text = (raw ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

        // Invisible characters that only hide what a text says (a zero-width space inside a word, a word joiner, a
        // byte-order mark pasted from a file) are dropped. The zero-width joiners that emoji and some scripts need stay.
        if (text.AsSpan().IndexOfAny(Invisible) >= 0)
        {
            text = string.Concat(text.Where(c => !Invisible.Contains(c)));
        }

        return text.Trim();
    }

    private static readonly System.Buffers.SearchValues<char> Invisible = System.Buffers.SearchValues.Create("\u200B\u2060\uFEFF");

    /// <summary>
    /// Direction overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069) can make a note, a name or a title
    /// read differently from what it says ("Trojan Source"); nobody needs them to write Dutch, so they are refused.
    /// </summary>
    private static bool IsDirectionControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>Control characters (other than line breaks and tabs) and broken surrogate pairs cannot be shown or exported safely.</summary>
    private static bool HasForbiddenCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // U+FFFD is what invalid UTF-8 becomes on the way in: the text did not arrive as it was typed.
            if ((char.IsControl(c) && c is not '\n' and not '\t') || c == '\uFFFD' || IsDirectionControl(c))
            {
                return true;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return true;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}
