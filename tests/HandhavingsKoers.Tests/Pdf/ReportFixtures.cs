using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Reports;
using HandhavingsKoers.Web.Workshops;

namespace HandhavingsKoers.Tests.Pdf;

/// <summary>Workshop reports of chosen sizes, built from the real 2024 edition.</summary>
public static class ReportFixtures
{
    public static readonly Edition Edition = EditionLoader.LoadFolder(Path.Combine(AppContext.BaseDirectory, "seeds")).Get("praatplaat-2024");

    public static WorkshopReport With(int notesPerPanel, Func<int, string>? text = null, int actionSets = 2, bool scores = false, bool names = false)
    {
        text ??= i => $"Notitie {i}: we bellen mensen eerst op voordat we een brief sturen, en leggen uit wat er van hen verwacht wordt.";
        var panels = Edition.Panels.Select((panel, p) => new PanelReport(panel.Key, panel.TopicKey, panel.Title, panel.Question,
            panel.Prompts.Already, panel.Prompts.Todo,
            Enumerable.Range(0, (notesPerPanel + 1) / 2).Select(i => Note(NoteColumn.Already, text((p * 1000) + i), names ? $"Sanne {i % 7}" : null)).ToList(),
            Enumerable.Range(0, notesPerPanel / 2).Select(i => Note(NoteColumn.Todo, text((p * 1000) + 500 + i), NoteView.RoomLabel)).ToList(),
            panel.Links,
            scores ? ScoreSummary.From([1, 2, 3, 3, 4, (p % 5) + 1]) : ScoreSummary.Empty)).ToList();
        var actions = Enumerable.Range(1, actionSets)
            .Select(i => new ActionsOfParticipant(i, names ? $"Sanne {i}" : null, [Action("Standaardbrief herlezen"), Action("Collega van schuldhulp bellen"), Action("Overleg plannen")]))
            .ToList();
        return new WorkshopReport("Gemeente Súdwest-Fryslân", "Teamsessie Werk en Inkomen", new DateOnly(2026, 11, 22),
            Edition.Key, Edition.Title, Edition.Koers, $"{Edition.Source.Name}, {Edition.Source.Published}", Edition.Attribution, Edition.Introduction,
            Edition.Official, true, 12, panels, Edition.Closing.Question, actions, [], [],
            [new SessionReport(Guid.NewGuid(), "Teamsessie Werk en Inkomen", new DateOnly(2026, 11, 22), Edition.ShortTitle,
                Edition.Panels.ToDictionary(p => p.TopicKey, p => panels.First(x => x.Key == p.Key).Scores!))], names);
    }

    private static NoteView Note(NoteColumn column, string text, string? author) =>
        new(Guid.NewGuid(), column, text, author, IsMine: false, MayChange: false, Edited: false, Version: 0, new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc));

    private static ActionOfParticipant Action(string text) => new(Guid.NewGuid(), text);
}
