using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Gemeenten;
using HandhavingsKoers.Web.Pages;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Workshops;

/// <summary>
/// Who asks for a session on one of its pages outside the room (decision 0023): the prepare page and "Acties volgen",
/// each at two addresses (<see cref="Routes.SessionPage"/>). At the facilitator's address the browser's facilitator
/// key (their own or a shared link, <see cref="WorkshopAccess.FindFacilitatorAsync"/>) must have a role that permits
/// the handler's action (<see cref="FacilitatorRoles.Permits"/>); at the gemeente's address the beheerder's key
/// (<see cref="GemeenteAccess.FindAsync"/>) must work, the session is read through <see cref="Beheerder.Sessions"/> (so
/// another gemeente's never leaves the database) and the action must be one <see cref="Beheerder.May"/> do.
/// </summary>
/// <param name="Workshop">The session, loaded as the page asked.</param>
/// <param name="Beheerder">Set when a beheerder asks, at the gemeente's address.</param>
/// <param name="Facilitation">Who runs the room with this browser's key, at the facilitator's address; none for a beheerder.</param>
/// <param name="Page">The page's two addresses.</param>
public sealed record SessionAccess(Workshop Workshop, Beheerder? Beheerder, WorkshopAccess.Facilitation Facilitation, Routes.SessionPage Page)
{
    /// <summary>A refusal: the status code and the Dutch sentence the error page shows.</summary>
    public sealed record Refusal(int Status, string Message);

    /// <summary>Where the page's forms post and redirect to: the address it was opened at.</summary>
    public string Here => Beheerder is null ? Page.Facilitator(Workshop.Id) : Page.Beheerder(Beheerder.GemeenteId, Workshop.Id);

    /// <summary>Where the asker came from: the facilitator's page, or the session on the gemeente's page.</summary>
    public string Back => Beheerder is null ? Routes.FacilitatorStep(Workshop.Id) : $"{Routes.Gemeente(Beheerder.GemeenteId)}#sessie-{Workshop.Id}";

    /// <summary>Whether the asker may also do this action here; the pages hide what they may not, the server refuses it anyway.</summary>
    public bool Permits(FacilitatorAction action) => Beheerder is null ? Facilitation.Permits(action) : Beheerder.May(action);

    /// <summary>
    /// Who asks for the session named by the route (<c>id</c>, and <c>gemeenteId</c> at the gemeente's address) to do
    /// <paramref name="action"/>; or why not.
    /// </summary>
    /// <param name="nobody">The Dutch refusal for a browser without a facilitator key at the facilitator's address.</param>
    /// <param name="load">What the page reads with the session (its includes); the rule's filter is applied first.</param>
    public static async Task<(SessionAccess? Access, Refusal? Refusal)> FindAsync(
        AppDbContext db, HttpContext context, Routes.SessionPage page, FacilitatorAction action, string nobody,
        Func<IQueryable<Workshop>, IQueryable<Workshop>>? load = null)
    {
        load ??= workshops => workshops;
        var id = Guid.Parse((string)context.GetRouteValue("id")!);
        if (context.GetRouteValue(Routes.SessionPage.GemeenteIdValue) is string gemeente)
        {
            var found = await GemeenteAccess.FindAsync(db, context, Guid.Parse(gemeente));
            if (found.Beheerder is not { } beheerder)
            {
                return Refused(StatusCodes.Status403Forbidden, found.Revoked ? Messages.BeheerderLinkRevoked : Messages.NotBeheerder);
            }

            var managed = await load(beheerder.Sessions(db.Workshops)).SingleOrDefaultAsync(w => w.Id == id);
            return managed is null ? Refused(StatusCodes.Status404NotFound, Messages.SessionNotInGemeente)
                : !Beheerder.May(action) ? Refused(StatusCodes.Status403Forbidden, Messages.NotForBeheerder)
                : (new SessionAccess(managed, beheerder, WorkshopAccess.Facilitation.None, page), null);
        }

        var workshop = await load(db.Workshops).SingleOrDefaultAsync(w => w.Id == id);
        if (workshop is null)
        {
            return Refused(StatusCodes.Status404NotFound, Messages.WorkshopNotFound);
        }

        var facilitation = await WorkshopAccess.FindFacilitatorAsync(db, context, workshop);
        return facilitation.RefusalFor(action) is { } refusal
            ? Refused(StatusCodes.Status403Forbidden, facilitation.Role is null && !facilitation.Revoked ? nobody : refusal)
            : (new SessionAccess(workshop, null, facilitation, page), null);
    }

    private static (SessionAccess?, Refusal?) Refused(int status, string message) => (null, new Refusal(status, message));
}
