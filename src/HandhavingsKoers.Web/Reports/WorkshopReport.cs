using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Pages;
using HandhavingsKoers.Web.Workshops;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Reports;

/// <summary>
/// The whole filled-in praatplaat of one workshop, read once and immutable: the summary page and every export
/// (JSON, CSV, Markdown) are drawn from this one model, so they cannot disagree.
/// </summary>
public sealed record WorkshopReport(
    string Gemeente,
    string Title,
    DateOnly Date,
    string EditionKey,
    string EditionTitle,
    string Koers,
    string Source,
    string Attribution,
    string Introduction,
    bool Official,
    bool Closed,
    int ParticipantCount,
    IReadOnlyList<PanelReport> Panels,
    string ClosingQuestion,
    IReadOnlyList<ActionsOfParticipant> Actions)
{
    public static async Task<WorkshopReport> LoadAsync(AppDbContext db, Workshop workshop, Edition edition)
    {
        var notes = await db.Notes.AsNoTracking()
            .Where(n => n.WorkshopId == workshop.Id)
            .OrderBy(n => n.CreatedAt)
            .Select(n => new { n.StepKey, n.Column, n.Text, n.ParticipantId, Name = n.Participant!.DisplayName })
            .ToListAsync();
        var participantCount = await db.Participants.CountAsync(p => p.WorkshopId == workshop.Id);

        var panels = edition.Panels.Select(panel =>
        {
            List<NoteReport> For(NoteColumn column) => notes
                .Where(n => n.StepKey == panel.Key && n.Column == column)
                .Select(n => new NoteReport(n.Text, NoteView.AuthorLabel(n.ParticipantId, n.Name)))
                .ToList();
            return new PanelReport(panel.Key, panel.Title, panel.Question, panel.Prompts.Already, panel.Prompts.Todo,
                For(NoteColumn.Already), For(NoteColumn.Todo), panel.Links);
        }).ToList();

        return new WorkshopReport(
            workshop.Gemeente, workshop.Title, workshop.Date, edition.Key, edition.Title, edition.Koers,
            $"{edition.Source.Name}, {edition.Source.Published}", edition.Attribution, edition.Introduction, edition.Official, workshop.IsClosed, participantCount,
            panels, edition.Closing.Question, await ActionsOfParticipant.LoadAsync(db, workshop.Id));
    }

    /// <summary>"praatplaat-gemeente-utrecht-2026-11-22": safe in every file system and mail client.</summary>
    public string FileName(string extension) => $"praatplaat-{Slug(Gemeente)}-{Date:yyyy-MM-dd}.{extension}";

    private static string Slug(string text)
    {
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormD);
        var chars = decomposed
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        var slug = string.Join('-', new string(chars.ToArray()).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "workshop" : slug[..Math.Min(slug.Length, 60)].TrimEnd('-');
    }
}

public sealed record PanelReport(
    string Key,
    string Title,
    string Question,
    string PromptAlready,
    string PromptTodo,
    IReadOnlyList<NoteReport> Already,
    IReadOnlyList<NoteReport> Todo,
    IReadOnlyList<ReadMoreLink> Links);

public sealed record NoteReport(string Text, string Author);

/// <summary>One participant's three actions. Named when they gave a name, numbered otherwise.</summary>
public sealed record ActionsOfParticipant(string Participant, IReadOnlyList<string> Actions)
{
    public static async Task<IReadOnlyList<ActionsOfParticipant>> LoadAsync(AppDbContext db, Guid workshopId)
    {
        var rows = await db.Participants.AsNoTracking()
            .Where(p => p.WorkshopId == workshopId)
            .OrderBy(p => p.JoinedAt)
            .Select(p => new { p.DisplayName, Actions = p.Actions.OrderBy(a => a.Position).Select(a => a.Text).ToList() })
            .ToListAsync();
        return rows.Where(r => r.Actions.Count > 0)
            .Select((r, i) => new ActionsOfParticipant(r.DisplayName ?? $"Deelnemer {i + 1}", r.Actions))
            .ToList();
    }
}
