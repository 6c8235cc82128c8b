namespace HandhavingsKoers.Web.Workshops;

/// <summary>What counts as acceptable text from a user. Violations raise a <see cref="WorkshopRuleException"/>.</summary>
public static class TextRules
{
    public const int DisplayNameMaxLength = 60;

    public static string NoteText(string? raw)
    {
        var text = Clean(raw);
        if (text.Length == 0)
        {
            throw new WorkshopRuleException(Messages.NoteEmpty);
        }

        if (text.Length > Note.MaxLength)
        {
            throw new WorkshopRuleException(Messages.NoteTooLong(text.Length));
        }

        return HasForbiddenCharacters(text) ? throw new WorkshopRuleException(Messages.NoteBadCharacters) : text;
    }

    public static string ActionText(string? raw)
    {
        var text = Clean(raw);
        if (text.Length == 0)
        {
            throw new WorkshopRuleException(Messages.ActionEmpty);
        }

        if (text.Length > ParticipantAction.MaxLength)
        {
            throw new WorkshopRuleException(Messages.ActionTooLong(text.Length));
        }

        return HasForbiddenCharacters(text) ? throw new WorkshopRuleException(Messages.NoteBadCharacters) : text;
    }

    /// <summary>Who picks up a team action: a role or a name, on one line.</summary>
    public static string Owner(string? raw)
    {
        var text = Clean(raw);
        if (text.Length == 0)
        {
            throw new WorkshopRuleException(Messages.OwnerRequired);
        }

        if (text.Length > TeamAction.OwnerMaxLength)
        {
            throw new WorkshopRuleException(Messages.OwnerTooLong);
        }

        return HasForbiddenCharacters(text) || text.Contains('\n')
            ? throw new WorkshopRuleException(Messages.NoteBadCharacters)
            : text;
    }

    /// <summary>A free text that may be left empty (null then).</summary>
    public static string? OptionalText(string? raw, int maxLength)
    {
        var text = Clean(raw);
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length > maxLength)
        {
            throw new WorkshopRuleException(Messages.TextTooLong(text.Length, maxLength));
        }

        return HasForbiddenCharacters(text) ? throw new WorkshopRuleException(Messages.NoteBadCharacters) : text;
    }

    /// <summary>Optional: empty means anonymous.</summary>
    public static string? DisplayName(string? raw)
    {
        var text = Clean(raw);
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length > DisplayNameMaxLength)
        {
            throw new WorkshopRuleException(Messages.DisplayNameTooLong);
        }

        return HasForbiddenCharacters(text) || text.Contains('\n')
            ? throw new WorkshopRuleException(Messages.DisplayNameBadCharacters)
            : text;
    }

    /// <summary>
    /// Browsers send a textarea's line breaks as CRLF, which would count twice against the limit the page shows;
    /// we store LF only, and trim.
    /// </summary>
    private static string Clean(string? raw) =>
        (raw ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    /// <summary>Control characters (other than line breaks and tabs) and broken surrogate pairs cannot be shown or exported safely.</summary>
    private static bool HasForbiddenCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // U+FFFD is what invalid UTF-8 becomes on the way in: the text did not arrive as it was typed.
            if ((char.IsControl(c) && c is not '\n' and not '\t') || c == '\uFFFD')
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
