using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HandhavingsKoers.Web.Pages;

/// <summary>Every 4xx and 5xx answer ends here (status code pages and the exception handler re-execute it).</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    /// <summary>Where the refused person can go on, when the refusing page knew (see <see cref="RefusalExtensions"/>).</summary>
    public WayOn? WayOn { get; private set; }

    public IActionResult OnGet() => Show();

    // Status code pages re-execute with the original method, so a refused POST arrives here as a POST.
    // Nothing is bound from the request: its body may be exactly what could not be read.
    public IActionResult OnPost() => Show();

    private PageResult Show()
    {
        // The status comes from the re-execution, never from the address: someone opening /fout/500 by hand
        // sees "not found", not a fake error. After an exception the handler has chosen it already (400 for an
        // unreadable body, else 500).
        Code = HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null ? Response.StatusCode
            : HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { OriginalStatusCode: var original } ? original
            : 404;
        (Heading, Message) = Code switch
        {
            400 => (Texts.ErrorPage.Failed, Messages.BadRequest),
            403 => (Texts.ErrorPage.NoAccess, Messages.NotFacilitator),
            404 => (Texts.ErrorPage.NotFound, Messages.PageNotFound),
            410 => (Texts.ErrorPage.Gone, Messages.PublicationGone),
            429 => (Texts.ErrorPage.Wait, Messages.BadRequest),
            >= 500 => (Texts.ErrorPage.Broken, Messages.ServerError),
            _ => (Texts.ErrorPage.Failed, Messages.BadRequest),
        };
        if (HttpContext.Items[RefusalExtensions.MessageKey] is string specific)
        {
            Message = specific;
        }

        WayOn = HttpContext.Items[RefusalExtensions.WayOnKey] as WayOn;
        Response.StatusCode = Code;
        return Page();
    }
}
