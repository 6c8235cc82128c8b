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

    /// <summary>"ABC D23": easier to read aloud and from the back of the room.</summary>
    public static string Display(string code) => code.Length == 6 ? $"{code[..3]} {code[3..]}" : code;
}
