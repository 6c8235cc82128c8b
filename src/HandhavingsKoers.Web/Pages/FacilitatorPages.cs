using System.Reflection;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HandhavingsKoers.Web.Pages;

/// <summary>
/// How every facilitator page lets someone in (decision 0021): find who runs the room with the browser's key
/// (<see cref="WorkshopAccess.FindFacilitatorAsync"/>) and ask <see cref="FacilitatorRoles.Permits"/> whether that role
/// may do what the handler does. A refusal is a Dutch 403 and the handler does not run, so nothing changes.
/// </summary>
public static class FacilitatorPages
{
    /// <summary>
    /// What the handler does, from its <see cref="RequiresAttribute"/>. A handler without one reads when it is a GET (or a
    /// HEAD, which Razor Pages answer with OnGet), and is the facilitator's alone otherwise, so a new form nobody thought
    /// about is not opened to every role.
    /// </summary>
    public static FacilitatorAction ActionOf(PageHandlerExecutingContext context) =>
        context.HandlerMethod?.MethodInfo.GetCustomAttribute<RequiresAttribute>()?.Action
        ?? (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method) ? FacilitatorAction.Read : FacilitatorAction.Delete);

    /// <summary>The actor when this browser may do the action in this workshop; otherwise the Dutch refusal.</summary>
    public static async Task<(IActionResult? Refusal, Actor? Actor)> AuthorizeAsync(this PageModel page, AppDbContext db, Workshop workshop, FacilitatorAction action)
    {
        var found = await WorkshopAccess.FindFacilitatorAsync(db, page.HttpContext, workshop);
        return found.RefusalFor(action) is { } refusal
            ? (page.Refuse(StatusCodes.Status403Forbidden, refusal), null)
            : (null, found.Actor);
    }
}
