using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace HandhavingsKoers.Web.Workshops;

/// <summary>
/// Random bearer secrets (the facilitator key, a participant's cookie token). 256 random bits, URL-safe.
/// Only the SHA-256 hash is stored: a leaked database does not hand out facilitator rights. A slow hash is not
/// needed because the secret has full entropy and cannot be guessed.
/// </summary>
public static class SecretToken
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static bool Matches(string? token, byte[] expectedHash) =>
        !string.IsNullOrEmpty(token) && token.Length <= 100
        && CryptographicOperations.FixedTimeEquals(Hash(token), expectedHash);
}
