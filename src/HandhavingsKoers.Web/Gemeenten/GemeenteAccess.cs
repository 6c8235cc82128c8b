using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Pages;
using HandhavingsKoers.Web.Workshops;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Gemeenten;

/// <summary>
/// How a beheerder is recognised: their link carries a key (<c>/gemeente/{id}?sleutel=…</c>), which moves into an
/// HttpOnly, SameSite=Lax cookie scoped to <c>/gemeente/{id}</c>, as the facilitator's key does (decision 0002). Only
/// hashes are stored; each is compared in constant time (<see cref="SecretToken.Matches"/>).
/// </summary>
public static class GemeenteAccess
{
    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(180);

    public static string CookieName(Guid gemeenteId) => $"hk_beheerder_{gemeenteId:N}";

    /// <summary>What a key opens: a beheerder, or a refusal (none, or a link that was revoked).</summary>
    public sealed record Outcome(Beheerder? Beheerder, bool Revoked);

    /// <summary>The beheerder this key belongs to, in this gemeente only; the key from the cookie when none is given.</summary>
    public static async Task<Outcome> FindAsync(AppDbContext db, HttpContext context, Guid gemeenteId, string? key = null)
    {
        key ??= context.Request.Cookies[CookieName(gemeenteId)];
        if (string.IsNullOrEmpty(key) || key.Length > 100)
        {
            return new Outcome(null, false);
        }

        // A gemeente has a handful of links; each is compared in constant time, so no timing tells how close a guess was.
        var links = await db.BeheerderLinks.AsNoTracking().Where(l => l.GemeenteId == gemeenteId)
            .Select(l => new { l.Id, l.KeyHash, l.RevokedAt }).ToListAsync();
        var match = links.FirstOrDefault(l => SecretToken.Matches(key, l.KeyHash));
        return match is null ? new Outcome(null, false)
            : match.RevokedAt is not null ? new Outcome(null, true)
            : new Outcome(new Beheerder(gemeenteId, match.Id), false);
    }

    public static void Remember(HttpContext context, Guid gemeenteId, string key) =>
        context.Response.Cookies.Append(CookieName(gemeenteId), key, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            Path = Routes.Gemeente(gemeenteId),
            MaxAge = CookieLifetime,
        });

    public static void Forget(HttpContext context, Guid gemeenteId) =>
        context.Response.Cookies.Delete(CookieName(gemeenteId), new CookieOptions { Path = Routes.Gemeente(gemeenteId) });
}
