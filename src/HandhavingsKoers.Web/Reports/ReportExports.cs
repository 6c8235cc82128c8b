using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using HandhavingsKoers.Web.Workshops;

namespace HandhavingsKoers.Web.Reports;

/// <summary>The user's way out: the whole praatplaat as JSON, CSV and Markdown. No lock-in.</summary>
public static class ReportExports
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keeps "ë" and "’" readable; the file is served as JSON, never as HTML
        Converters = { new JsonStringEnumConverter() },
    };

    public static byte[] ToJson(WorkshopReport report) => JsonSerializer.SerializeToUtf8Bytes(report, JsonOptions);

    /// <summary>
    /// One row per note and per action. Semicolon-separated with a byte-order mark, because that is what Excel with
    /// Dutch settings opens correctly; cells that start like a formula are escaped (CSV injection).
    /// </summary>
    public static byte[] ToCsv(WorkshopReport report)
    {
        var options = new CsvWriterOptions
        {
            Separator = ';',
            Injection = CsvInjection.Escape,
            WriteByteOrderMark = true,
        };
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            csv.WriteRecord(Texts.Report.CsvHeader);
            if (report.ExecutiveSummary is { } summary)
            {
                csv.WriteRecord([Texts.Report.ExecutiveSummary, "", "", summary, ""]);
            }

            // The facilitator's conclusion and kernpunten per principle, before the notes they were drawn from.
            foreach (var panel in report.Panels)
            {
                if (panel.Conclusion is { } conclusion)
                {
                    csv.WriteRecord([panel.MarkedTitle, panel.Question, Texts.Report.Conclusion, conclusion, ""]);
                }

                for (var i = 0; i < panel.KeyPoints.Count; i++)
                {
                    csv.WriteRecord([panel.MarkedTitle, panel.Question, Texts.Format(Texts.Report.KeyPoint, i + 1), panel.KeyPoints[i], ""]);
                }
            }

            foreach (var panel in report.Panels)
            {
                foreach (var (prompt, notes) in new[] { (panel.PromptAlready, panel.Already), (panel.PromptTodo, panel.Todo) })
                {
                    foreach (var note in notes)
                    {
                        csv.WriteRecord([panel.MarkedTitle, panel.Question, prompt, note.Text, note.Author ?? ""]);

                        // The duplicates a note was merged from follow it, marked as such.
                        foreach (var original in note.MergedFrom)
                        {
                            csv.WriteRecord([panel.MarkedTitle, panel.Question, Texts.Format(Texts.Priorities.CsvMergedInto, prompt), original, ""]);
                        }
                    }
                }
            }

            // The room's ranking: one row per note, most dots first; never who placed them.
            foreach (var priority in report.Priorities)
            {
                csv.WriteRecord([Texts.Priorities.ReportHeading, priority.Panel, Texts.Count(priority.Dots, Texts.Priorities.DotsOne, Texts.Priorities.DotsMany), priority.Text, ""]);
            }

            foreach (var set in report.Actions)
            {
                foreach (var action in set.Actions)
                {
                    csv.WriteRecord([Texts.Domain.ActionsStep, report.ClosingQuestion, "", action.Text, set.Participant]);
                }
            }

            // Scores: the count per answer and the median, never who gave which.
            foreach (var panel in report.Panels.Where(p => p.Scores is { Total: > 0 }))
            {
                foreach (var value in ScoreScale.Values)
                {
                    csv.WriteRecord([panel.MarkedTitle, Texts.Scores.Heading, $"{value} {ScoreScale.Label(value)}", panel.Scores!.CountOf(value).ToString(CultureInfo.InvariantCulture), ""]);
                }

                csv.WriteRecord([panel.MarkedTitle, Texts.Scores.Heading, Texts.Report.MedianWord, panel.Scores!.Median!.Value.ToString("0.#", Dutch), ""]);
            }

            foreach (var action in report.TeamActions)
            {
                csv.WriteRecord([Texts.Report.TeamAction, "", Texts.Format(Texts.Report.DueOn, action.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), action.Text, action.Owner]);
            }

            foreach (var action in report.PreviousActions)
            {
                csv.WriteRecord([Texts.Report.PreviousAction, action.StatusText, Texts.Format(Texts.Report.DueOn, action.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), action.Text, action.Owner]);
            }
        }

        return buffer.ToArray();
    }

    public static byte[] ToMarkdown(WorkshopReport report)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Escape(report.Title)).AppendLine();
        md.Append("- ").Append(Texts.Summary.Gemeente).Append(": ").AppendLine(Escape(report.Gemeente));
        md.Append("- ").Append(Texts.Summary.Date).Append(": ").AppendLine(Texts.Date(report.Date));
        md.Append("- ").Append(Texts.Summary.Edition).Append(": ").AppendLine(Escape(report.EditionTitle) + " (" + Escape(report.Koers) + ")");
        md.Append("- ").Append(Texts.Summary.Participants).Append(": ").AppendLine(report.ParticipantCount.ToString(CultureInfo.InvariantCulture));
        md.Append("- ").AppendLine(Escape(report.Attribution));
        if (report.ExecutiveSummary is { } summary)
        {
            md.AppendLine().Append("## ").AppendLine(Texts.Report.ExecutiveSummary).AppendLine();
            md.AppendLine(Escape(summary));
        }

        if (report.PreviousActions.Count > 0)
        {
            md.AppendLine().Append("## ").AppendLine(Texts.PreviousActions.Heading).AppendLine();
            md.AppendLine($"| {Texts.Summary.Action} | {Texts.Summary.Who} | {Texts.Summary.Due} | {Texts.Summary.WhatHappened} |").AppendLine("| --- | --- | --- | --- |");
            foreach (var a in report.PreviousActions)
            {
                md.AppendLine(Dutch, $"| {Cell(a.Text)} | {Cell(a.Owner)} | {Texts.Date(a.DueDate)} | {Cell(a.StatusText)} |");
            }
        }

        if (report.HasScores)
        {
            md.AppendLine().Append("## ").AppendLine(Texts.Scores.Heading).AppendLine();
            md.AppendLine(Texts.Format(Texts.Report.MdMedianPerTopic, ScoreScale.Label(1).ToLowerInvariant(), ScoreScale.Label(5).ToLowerInvariant())).AppendLine();
            md.Append("| ").Append(Texts.Radar.Topic).Append(" | ").AppendJoin(" | ", report.Sessions.Select((s, i) => i == report.Sessions.Count - 1 ? Texts.Format(Texts.Report.MdNow, s.Label) : s.Label)).AppendLine(" |");
            md.Append("| --- |").AppendJoin("", report.Sessions.Select(_ => " --- |")).AppendLine();
            foreach (var row in report.Trend)
            {
                md.Append("| ").Append(Cell(row.Topic)).Append(" | ").AppendJoin(" | ", row.Medians.Select(m => m is { } v ? v.ToString("0.#", Dutch) : "–")).AppendLine(" |");
            }

            if (report.KeptNotice is { } kept)
            {
                md.AppendLine().AppendLine(kept);
            }
        }

        if (report.Priorities.Count > 0)
        {
            md.AppendLine().Append("## ").AppendLine(Texts.Priorities.ReportHeading).AppendLine();
            md.AppendLine(Texts.Priorities.ReportIntro).AppendLine();
            for (var i = 0; i < report.Priorities.Count; i++)
            {
                var p = report.Priorities[i];
                md.Append(i + 1).Append(". ").Append(Escape(p.Text).Replace("\n", " ", StringComparison.Ordinal))
                    .Append(" — **").Append(Texts.Count(p.Dots, Texts.Priorities.DotsOne, Texts.Priorities.DotsMany)).Append("** (").Append(Escape(p.Panel)).AppendLine(")");
                AppendMerged(md, p.MergedFrom, "   ");
            }
        }

        foreach (var panel in report.Panels)
        {
            md.AppendLine().Append("## ").AppendLine(Escape(panel.Title)).AppendLine();
            md.Append("> ").AppendLine(Escape(panel.Question));
            if (panel.Origin is { } origin)
            {
                md.AppendLine(">").Append("> *").Append(origin).AppendLine("*");
            }

            if (panel.Conclusion is { } conclusion)
            {
                md.AppendLine().Append("### ").AppendLine(Texts.Report.Conclusion).AppendLine();
                md.AppendLine(Escape(conclusion));
            }

            if (panel.KeyPoints.Count > 0)
            {
                md.AppendLine().Append("### ").AppendLine(Texts.Report.KeyPoints).AppendLine();
                for (var i = 0; i < panel.KeyPoints.Count; i++)
                {
                    md.Append(i + 1).Append(". ").AppendLine(Escape(panel.KeyPoints[i]).Replace("\n", "\n   ", StringComparison.Ordinal));
                }
            }

            AppendNotes(md, panel.PromptAlready, panel.Already);
            AppendNotes(md, panel.PromptTodo, panel.Todo);
            if (panel.Scores is { Total: > 0 } scores)
            {
                md.AppendLine().Append("### ").AppendLine(Texts.Scores.Heading).AppendLine();
                md.AppendLine(Texts.Format(Texts.Report.MdScores, ScoreScale.Describe(scores.Median!.Value), Texts.Count(scores.Total, Texts.Scores.One, Texts.Scores.Many))).AppendLine();
                foreach (var value in ScoreScale.Values)
                {
                    md.Append("- ").Append(value).Append(' ').Append(ScoreScale.Label(value)).Append(": ").Append(scores.CountOf(value)).AppendLine();
                }
            }
            md.AppendLine().AppendLine(Texts.Format(Texts.Report.ReadMore, string.Join(", ", panel.Links.Select(l => $"[{Escape(l.Title)}](<{l.Url}>)"))));
        }

        md.AppendLine().Append("## ").AppendLine(Texts.Domain.ActionsStep).AppendLine();
        md.Append("> ").AppendLine(Escape(report.ClosingQuestion));
        if (report.Actions.Count == 0)
        {
            md.AppendLine().AppendLine(Texts.Report.MdNothingYet);
        }

        foreach (var set in report.Actions)
        {
            md.AppendLine().Append("### ").AppendLine(Escape(set.Participant)).AppendLine();
            for (var i = 0; i < set.Actions.Count; i++)
            {
                md.Append(i + 1).Append(". ").AppendLine(Escape(set.Actions[i].Text).Replace("\n", "\n   ", StringComparison.Ordinal));
            }
        }

        md.AppendLine().Append("## ").AppendLine(Texts.Summary.TeamActionsHeading).AppendLine();
        if (report.TeamActions.Count == 0)
        {
            md.AppendLine(Texts.Report.MdNoTeamActions);
        }
        else
        {
            md.AppendLine($"| {Texts.Summary.Action} | {Texts.Summary.Who} | {Texts.Summary.Due} |").AppendLine("| --- | --- | --- |");
            foreach (var a in report.TeamActions)
            {
                md.AppendLine(Dutch, $"| {Cell(a.Text)} | {Cell(a.Owner)} | {Texts.Date(a.DueDate)} |");
            }
        }

        return new UTF8Encoding(false).GetBytes(md.ToString());
    }

    private static void AppendNotes(StringBuilder md, string prompt, IReadOnlyList<NoteView> notes)
    {
        md.AppendLine().Append("### ").AppendLine(Escape(prompt)).AppendLine();
        if (notes.Count == 0)
        {
            md.AppendLine(Texts.Report.MdNoNotes);
        }

        foreach (var note in notes)
        {
            md.Append("- ").Append(Escape(note.Text).Replace("\n", "\n  ", StringComparison.Ordinal));
            if (note.Author is { } author)
            {
                md.Append(" — _").Append(Escape(author)).Append('_');
            }

            md.AppendLine();
            AppendMerged(md, note.MergedFrom, "  ");
        }
    }

    /// <summary>The duplicates a note was merged from, as a list under it.</summary>
    private static void AppendMerged(StringBuilder md, IReadOnlyList<string> originals, string indent)
    {
        if (originals.Count == 0)
        {
            return;
        }

        md.Append(indent).Append("- _").Append(Texts.Priorities.MergedFrom).AppendLine("_");
        foreach (var original in originals)
        {
            md.Append(indent).Append("  - ").AppendLine(Escape(original).Replace("\n", " ", StringComparison.Ordinal));
        }
    }

    private static readonly CultureInfo Dutch = Texts.Dutch;

    /// <summary>A table cell: escaped, and on one line.</summary>
    private static string Cell(string text) => Escape(text).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>Typed text must stay text: escape what Markdown would read as markup (and raw HTML).</summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if ("\\`*_[]<>#|~".Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
