using System.Security.Cryptography;

namespace HandhavingsKoers.Web.Workshops;

/// <summary>
/// The short code a room types to join. Its alphabet leaves out characters that look alike on a projector
/// (0/O, 1/I/L), so a code read from the wall is typed right the first time.
/// </summary>
public static class JoinCode
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 6;
    public const int MinLength = 6;
    public const int MaxLength = 8;

    /// <summary>What a join field accepts as typed: a code with spaces or dashes between its characters.</summary>
    public const int TypedMaxLength = 12;

    /// <summary>The digits and letters the alphabet leaves out, in that order: "01ILO".</summary>
    public static readonly string LeftOut = new("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".Where(c => !Alphabet.Contains(c)).ToArray());

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>
    /// Accepts what people type: lower case, spaces and dashes ("abc-d23"). Returns null when it cannot be a code.
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var code = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        return code.Length is >= MinLength and <= MaxLength && code.All(Alphabet.Contains) ? code : null;
    }

    /// <summary>
    /// Whether a refused code holds a character no code has (a 0 or an O, a 1, I or L): then the person misread the
    /// code, and is told so rather than how long a code is.
    /// </summary>
    public static bool HasLeftOut(string? typed) => typed is not null && typed.ToUpperInvariant().Any(LeftOut.Contains);

    /// <summary>"ABC D23": easier to read aloud and from the back of the room.</summary>
    public static string Display(string code) => code.Length == 6 ? $"{code[..3]} {code[3..]}" : code;
}
