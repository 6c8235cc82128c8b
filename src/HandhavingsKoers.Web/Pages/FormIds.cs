using HandhavingsKoers.Web.Content;

namespace HandhavingsKoers.Web.Pages;

/// <summary>Ids that tie a field, its error message and the error summary together.</summary>
public static class FormIds
{
    /// <summary>The element id the tag helpers give a field with this model-state key ("Input.Title" → "Input_Title").</summary>
    public static string FieldId(string key) => key.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    public static string ErrorId(string key) => FieldId(key) + "-fout";

    public static string AddNote(NoteColumn column) => $"nieuw-{column}";

    public static string EditNote(Guid noteId) => $"bewerk-{noteId:N}";

    public static string Action(int position) => $"actie-{position}";

    /// <summary>The "waar staan we?" fieldset; errors point at its first choice.</summary>
    public const string Score = "score";

    public static string TeamAction(string field) => $"teamactie-{field}";

    /// <summary>The field for the dots counted on paper for one note (the facilitator's prioritising page).</summary>
    public static string PaperDots(Guid noteId) => $"papier-{noteId:N}";

    public static string Review(Guid actionId) => $"terugblik-{actionId:N}";

    public static string ReviewNote(Guid actionId) => Review(actionId) + "-toelichting";

    /// <summary>A field of one action on the "Acties volgen" page: one of the names below.</summary>
    public static string ActionField(string field, Guid actionId) => $"{field}-{actionId:N}";

    public const string ActionStatusField = "status";
    public const string ActionNoteField = "toelichting";
    public const string ActionTextField = "tekst";
    public const string ActionOwnerField = "wie";
    public const string ActionDueField = "datum";

    public static string Conclusion(string stepKey) => $"conclusie-{stepKey}";

    /// <summary>The kernpunten fieldset of a principle; errors point at it.</summary>
    public static string KeyPoints(string stepKey) => $"kernpunten-{stepKey}";

    public static string KeyPoint(Guid noteId) => $"kernpunt-{noteId:N}";

    public const string ExecutiveSummary = "samenvatting";

    public const string PublicationEndsOn = "openbaar-tot";

    public const string PublishHeading = "openbaar-titel";
}
