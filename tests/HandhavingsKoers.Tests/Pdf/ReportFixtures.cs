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

    /// <summary>
    /// A report as the facilitator finishes it after the session: a samenvatting, a conclusion and kernpunten per
    /// principle, the room's priorities (one of them a merge) and team actions, with scores.
    /// </summary>
    public static WorkshopReport Concluded(int notesPerPanel = 4, bool names = false, int teamActions = 3)
    {
        var report = With(notesPerPanel, scores: true, names: names);
        return report with
        {
            ExecutiveSummary = "Het team Werk en Inkomen werkt al veel vanuit vertrouwen: mensen worden eerst gebeld voordat er een brief gaat.\n\n"
                + "Wat nog moet gebeuren: de standaardbrieven herschrijven in eenvoudige taal en vaste afspraken maken met schuldhulp.\n\n"
                + "Het college wordt gevraagd de teamacties te steunen en over een half jaar een vervolgsessie te houden.",
            Panels = report.Panels.Select((p, i) => p with
            {
                // A note merged from two duplicates: the originals travel under it.
                Todo = i == 0 ? [.. p.Todo, Note(NoteColumn.Todo, "Standaardbrieven herschrijven in B1", NoteView.RoomLabel) with { MergedFrom = ["Brieven begrijpelijker maken", "Brief in gewone taal"] }] : p.Todo,
                Conclusion = $"Conclusie over {p.Title}: het team is op weg ({i}), maar de afspraken staan nog niet op papier.",
                KeyPoints = [$"Kernpunt {i}a: eerst bellen, dan schrijven", $"Kernpunt {i}b: brieven in B1"],
            }).ToList(),
            Priorities =
            [
                new("Vertrouwen", "Standaardbrieven herschrijven in B1", 9, ["Brieven begrijpelijker maken", "Brief in gewone taal"]),
                new("Maatwerk", "Vaste contactpersoon bij schuldhulp", 6, []),
                new("Preventie", "Vooraf uitleggen wat de regels zijn", 4, []),
                new("Visie", "Koers vastleggen in het handhavingsbeleid", 0, []),
            ],
            TeamActions = Enumerable.Range(1, teamActions)
                .Select(i => new TeamActionReport(Guid.NewGuid(), $"Teamactie {i}: standaardbrief {i} herschrijven", $"Teamleider {i}", new DateOnly(2027, i % 12 + 1, 1)))
                .ToList(),
        };
    }

    private static NoteView Note(NoteColumn column, string text, string? author) =>
        new(Guid.NewGuid(), column, text, author, IsMine: false, MayChange: false, Edited: false, Version: 0, new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc));

    private static ActionOfParticipant Action(string text) => new(Guid.NewGuid(), text);
}
