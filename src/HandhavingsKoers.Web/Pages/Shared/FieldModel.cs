using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HandhavingsKoers.Web.Pages;

/// <summary>One labelled form field with its hint and error, rendered by <c>_Field.cshtml</c>.</summary>
public sealed record FieldModel(
    ModelStateDictionary ModelState,
    string Name,
    string Label,
    string? Value,
    string? Hint = null,
    int? MaxLength = null,
    string Type = "text",
    bool Multiline = false,
    string? Autocomplete = null,
    string? Id = null)
{
    public string FieldId => Id ?? FormIds.FieldId(Name);

    public string ErrorId => FieldId + "-fout";

    public string HintId => FieldId + "-uitleg";

    /// <summary>
    /// Errors are keyed by the field's id when it has its own (several forms on one page post the same name),
    /// otherwise by its name.
    /// </summary>
    public string? Error => ModelState[Id ?? Name]?.Errors.FirstOrDefault()?.ErrorMessage;

    public string? DescribedBy
    {
        get
        {
            var ids = new List<string>();
            if (Hint is not null) ids.Add(HintId);
            if (Error is not null) ids.Add(ErrorId);
            return ids.Count > 0 ? string.Join(' ', ids) : null;
        }
    }
}
