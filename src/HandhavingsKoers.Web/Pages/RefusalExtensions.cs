using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HandhavingsKoers.Web.Pages;

/// <summary>
/// A refusal is a status code plus a Dutch sentence. The status code page (<see cref="ErrorModel"/>) is re-executed
/// on the same request and shows the sentence, so every refusal looks the same and none shows a framework page.
/// </summary>
public static class RefusalExtensions
{
    public const string MessageKey = "hk.refusal";
    public const string WayOnKey = "hk.refusal.way-on";

    public static IActionResult Refuse(this PageModel page, int statusCode, string message)
    {
        page.HttpContext.Items[MessageKey] = message;
        return page.StatusCode(statusCode);
    }

    /// <summary>A refusal that also shows where the person can go on, above the links every refusal page has.</summary>
    public static IActionResult Refuse(this PageModel page, int statusCode, string message, WayOn wayOn)
    {
        page.HttpContext.Items[WayOnKey] = wayOn;
        return page.Refuse(statusCode, message);
    }
}

/// <summary>A link on a refusal page to where the person can go on (e.g. the room's step, for someone who looked ahead).</summary>
public sealed record WayOn(string Href, string Text);

/// <summary>
/// A form whose antiforgery token is missing or stale (the page stood open for long, or a forged post) gets the
/// same Dutch refusal page as every other refusal, instead of an empty 400.
/// </summary>
public sealed class AntiforgeryRefusalFilter : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.HttpContext.Items[RefusalExtensions.MessageKey] = Messages.FormExpired;
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}

/// <summary>
/// A request naming a handler the page does not have (<c>?handler=DropTables</c>) would otherwise render the page
/// without loading anything. It is refused as not found.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // Pages without any handler (plain content) have nothing to pick and are fine.
        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0)
        {
            context.HttpContext.Items[RefusalExtensions.MessageKey] = Messages.PageNotFound;
            context.Result = new StatusCodeResult(StatusCodes.Status404NotFound);
            return;
        }

        await next();
    }
}
