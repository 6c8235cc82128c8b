using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Pages;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Workshops;

/// <summary>
/// Who may do what in a workshop. The facilitator holds a secret key (from the link they got at the start, kept in a
/// cookie); a participant holds a random token in a cookie they got when they joined. Both cookies are named per
/// workshop, HttpOnly and SameSite=Lax; only their hashes are stored.
/// </summary>
public static class WorkshopAccess
{
    private static readonly TimeSpan FacilitatorCookieLifetime = TimeSpan.FromDays(180);
    private static readonly TimeSpan ParticipantCookieLifetime = TimeSpan.FromDays(60);

    public static string FacilitatorCookieName(Guid workshopId) => $"hk_begeleider_{workshopId:N}";

    public static string ParticipantCookieName(Guid workshopId) => $"hk_deelnemer_{workshopId:N}";

    /// <summary>
    /// What a facilitator key opens (decision 0021): the facilitator's own key, a co-facilitator's or notulist's link,
    /// or nothing; <see cref="Revoked"/> when it is a link the facilitator revoked.
    /// </summary>
    /// <param name="LinkId">The shared link that matched; null for the facilitator's own key.</param>
    public sealed record Facilitation(FacilitatorRole? Role, bool Revoked, Guid? LinkId = null)
    {
        public static Facilitation None { get; } = new(null, false);

        public Actor? Actor => Role is { } role ? Workshops.Actor.Facilitating(role) : null;

        /// <summary>Whether this key may do the action; false for no key or a revoked one.</summary>
        public bool Permits(FacilitatorAction action) => Role is { } role && role.Permits(action);

        /// <summary>The Dutch reason this key may not do the action; null when it may.</summary>
        public string? RefusalFor(FacilitatorAction action) => Role switch
        {
            null => Revoked ? Messages.SharedLinkRevoked : Messages.NotFacilitator,
            { } role when role.Permits(action) => null,
            FacilitatorRole.CoFacilitator => Messages.NotForCoFacilitator,
            _ => Messages.NotForNotulist,
        };
    }

    /// <summary>
    /// Who runs the room with this key (from the cookie when none is given). The facilitator's own key is tried first;
    /// then the workshop's shared links, each compared in constant time, so no timing tells how close a guess was.
    /// </summary>
    public static async Task<Facilitation> FindFacilitatorAsync(AppDbContext db, HttpContext context, Workshop workshop, string? key = null)
    {
        key ??= context.Request.Cookies[FacilitatorCookieName(workshop.Id)];
        if (string.IsNullOrEmpty(key) || key.Length > 100)
        {
            return Facilitation.None;
        }

        if (SecretToken.Matches(key, workshop.FacilitatorKeyHash))
        {
            return new Facilitation(FacilitatorRole.Facilitator, false);
        }

        var links = await db.FacilitatorLinks.AsNoTracking().Where(l => l.WorkshopId == workshop.Id)
            .Select(l => new { l.Id, l.Role, l.KeyHash, l.RevokedAt }).ToListAsync();
        var match = links.FirstOrDefault(l => SecretToken.Matches(key, l.KeyHash));
        return match is null ? Facilitation.None
            : match.RevokedAt is not null ? new Facilitation(null, true)
            : new Facilitation(match.Role, false, match.Id);
    }

    public static void RememberFacilitator(HttpContext context, Guid workshopId, string key) =>
        context.Response.Cookies.Append(FacilitatorCookieName(workshopId), key,
            CookieOptions(context, Routes.Workshop(workshopId), FacilitatorCookieLifetime));

    /// <summary>After the facilitator deleted the workshop: the key is of no use any more.</summary>
    public static void ForgetFacilitator(HttpContext context, Guid workshopId) =>
        context.Response.Cookies.Delete(FacilitatorCookieName(workshopId), new CookieOptions { Path = Routes.Workshop(workshopId) });

    public static string PublicLinkCookieName(Guid workshopId) => $"hk_openbaar_{workshopId:N}";

    /// <summary>
    /// Only the public link's hash is stored, so the server cannot show the link again. The facilitator's browser keeps
    /// it (scoped to the workshop, like the key), so their page and their PDF's QR code can use it later on this device.
    /// </summary>
    public static void RememberPublicLink(HttpContext context, Guid workshopId, string token) =>
        context.Response.Cookies.Append(PublicLinkCookieName(workshopId), token,
            CookieOptions(context, Routes.Workshop(workshopId), FacilitatorCookieLifetime));

    public static void ForgetPublicLink(HttpContext context, Guid workshopId) =>
        context.Response.Cookies.Delete(PublicLinkCookieName(workshopId), new CookieOptions { Path = Routes.Workshop(workshopId) });

    /// <summary>The token of this publication when this browser made it; null otherwise.</summary>
    public static string? PublicLinkToken(HttpContext context, Guid workshopId, Publication? publication)
    {
        var token = context.Request.Cookies[PublicLinkCookieName(workshopId)];
        return publication is not null && SecretToken.Matches(token, publication.TokenHash) ? token : null;
    }

    /// <summary>Site-wide, because the join page (<c>/doemee</c>) must recognise someone who already joined.</summary>
    public static void RememberParticipant(HttpContext context, Guid workshopId, string token) =>
        context.Response.Cookies.Append(ParticipantCookieName(workshopId), token,
            CookieOptions(context, "/", ParticipantCookieLifetime));

    /// <summary>The participant this browser joined as, in this workshop only; null when it did not join.</summary>
    public static async Task<Participant?> FindParticipantAsync(AppDbContext db, HttpContext context, Guid workshopId)
    {
        var token = context.Request.Cookies[ParticipantCookieName(workshopId)];
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = SecretToken.Hash(token);
        return await db.Participants.SingleOrDefaultAsync(p => p.WorkshopId == workshopId && p.TokenHash == hash);
    }

    private static CookieOptions CookieOptions(HttpContext context, string path, TimeSpan lifetime) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        IsEssential = true,
        Path = path,
        MaxAge = lifetime,
    };
}
