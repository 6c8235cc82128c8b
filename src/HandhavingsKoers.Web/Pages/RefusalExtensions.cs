using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HandhavingsKoers.Web.Pages;

/// <summary>
/// A refusal is a status code plus a Dutch sentence. The status code page (<see cref="ErrorModel"/>) is re-executed
/// on the same request and shows the sentence, so every refusal looks the same and none shows a framework page.
/// </summary>
public static class RefusalExtensions
{
    public const string MessageKey = "hk.refusal";

    public static IActionResult Refuse(this PageModel page, int statusCode, string message)
    {
        page.HttpContext.Items[MessageKey] = message;
        return page.StatusCode(statusCode);
    }
}
