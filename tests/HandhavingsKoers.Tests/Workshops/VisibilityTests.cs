using HandhavingsKoers.Tests.Pdf;
using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Workshops;

namespace HandhavingsKoers.Tests.Workshops;

/// <summary>The one rule for who reads which notes and scores (<see cref="Workshop.NotesVisibleTo"/>).</summary>
public sealed class VisibilityTests
{
    private static readonly Edition Edition = ReportFixtures.Edition;
    private static readonly Step Welcome = Edition.Steps.First;
    private static readonly Step Vertrouwen = Edition.Steps.Find("vertrouwen")!;
    private static readonly Step Visie = Edition.Steps.Find("visie")!;
    private static readonly Guid Sanne = Guid.NewGuid();
    private static readonly Viewer Participant = Viewer.Participant(Sanne);

    private static Workshop NewWorkshop() =>
        Workshop.Start("Gemeente Zuidwolde", "Teamsessie", new DateOnly(2026, 11, 22), Edition, "ABCDEF", [1], DateTime.UtcNow);

    [Fact]
    public void The_facilitator_reads_every_step_participants_and_the_room_not_one_ahead_of_the_room()
    {
        var workshop = NewWorkshop();
        workshop.MoveTo(Vertrouwen);

        Assert.Equal(NoteVisibility.All, workshop.NotesVisibleTo(Viewer.Facilitator, Visie, Edition));
        Assert.Equal(NoteVisibility.None, workshop.NotesVisibleTo(Participant, Visie, Edition));
        Assert.Equal(NoteVisibility.None, workshop.NotesVisibleTo(Viewer.Room, Visie, Edition));
        Assert.False(workshop.MaySee(Participant, Visie, Edition));
        Assert.True(workshop.MaySee(Viewer.Facilitator, Visie, Edition));

        Assert.Equal(NoteVisibility.All, workshop.NotesVisibleTo(Participant, Vertrouwen, Edition));
        Assert.Equal(NoteVisibility.All, workshop.NotesVisibleTo(Participant, Welcome, Edition));
    }

    [Fact]
    public void Dots_are_seen_by_the_facilitator_as_they_come_in_and_by_everyone_else_only_after_the_reveal()
    {
        var workshop = NewWorkshop();
        Assert.False(workshop.DotsVisibleTo(Participant));

        workshop.OpenPriorityRound(Edition, "vertrouwen", 3, allowSeveralPerNote: false, DateTime.UtcNow);
        Assert.True(workshop.DotsVisibleTo(Viewer.Facilitator));
        Assert.False(workshop.DotsVisibleTo(Participant));
        Assert.False(workshop.DotsVisibleTo(Viewer.Room));

        // Closing the round does not show them: only the facilitator's reveal does (and only while the workshop is
        // open: a closed workshop's dots stay as the room left them).
        workshop.ClosePriorityRound(DateTime.UtcNow);
        Assert.False(workshop.DotsVisibleTo(Participant));

        workshop.RevealDots(DateTime.UtcNow);
        workshop.Close(DateTime.UtcNow);
        Assert.True(workshop.DotsVisibleTo(Participant));
        Assert.True(workshop.DotsVisibleTo(Viewer.Room));
    }

    [Fact]
    public void During_silent_writing_a_participant_reads_only_their_own_notes_and_the_room_none()
    {
        var workshop = NewWorkshop();
        workshop.MoveTo(Vertrouwen);
        workshop.HideNotes(Vertrouwen);

        var mine = workshop.NotesVisibleTo(Participant, Vertrouwen, Edition);
        Assert.Equal(NoteVisibility.Own(Sanne), mine);
        Assert.True(mine.Allows(Sanne));
        Assert.False(mine.Allows(Guid.NewGuid()));
        Assert.False(mine.Allows(null)); // the facilitator's notes for the room are hidden too

        var room = workshop.NotesVisibleTo(Viewer.Room, Vertrouwen, Edition);
        Assert.False(room.Any);
        Assert.True(room.IsPartial);
        Assert.Equal(NoteVisibility.All, workshop.NotesVisibleTo(Viewer.Facilitator, Vertrouwen, Edition));

        workshop.RevealNotes(Vertrouwen);
        Assert.Equal(NoteVisibility.All, workshop.NotesVisibleTo(Participant, Vertrouwen, Edition));
        Assert.Equal(NoteVisibility.All, workshop.NotesVisibleTo(Viewer.Room, Vertrouwen, Edition));
    }

    [Fact]
    public void Scores_are_shown_to_the_room_only_after_the_reveal_on_a_reached_step_and_to_all_once_closed()
    {
        var workshop = NewWorkshop();
        workshop.MoveTo(Vertrouwen);
        Assert.True(workshop.ScoresVisibleTo(Viewer.Facilitator, Vertrouwen, Edition));
        Assert.False(workshop.ScoresVisibleTo(Participant, Vertrouwen, Edition));
        Assert.False(workshop.ScoresVisibleTo(Viewer.Room, Vertrouwen, Edition));

        workshop.RevealScores(Vertrouwen);
        Assert.True(workshop.ScoresVisibleTo(Participant, Vertrouwen, Edition));
        Assert.True(workshop.ScoresVisibleTo(Viewer.Room, Vertrouwen, Edition));

        // Revealed on a step the room has not reached: still not shown there.
        workshop.RevealScores(Visie);
        Assert.False(workshop.ScoresVisibleTo(Participant, Visie, Edition));

        workshop.HideNotes(Visie);
        workshop.Close(DateTime.UtcNow);
        Assert.True(workshop.ScoresVisibleTo(Participant, Visie, Edition));
        Assert.Equal(NoteVisibility.All, workshop.NotesVisibleTo(Participant, Visie, Edition));
        Assert.Equal(NoteVisibility.All, workshop.NotesVisibleTo(Viewer.Room, Visie, Edition));
    }

    [Fact]
    public void The_public_reads_a_closed_workshop_only_and_never_what_the_room_did_not_see()
    {
        var workshop = NewWorkshop();
        workshop.MoveTo(Visie);
        workshop.HideNotes(Visie);
        workshop.RevealScores(Vertrouwen);

        // While it runs: nothing at all, not even a step the room passed.
        Assert.Equal(NoteVisibility.None, workshop.NotesVisibleTo(Viewer.Public, Vertrouwen, Edition));
        Assert.False(workshop.ScoresVisibleTo(Viewer.Public, Vertrouwen, Edition));
        Assert.False(workshop.MaySee(Viewer.Public, Vertrouwen, Edition));

        workshop.Close(DateTime.UtcNow);
        Assert.True(workshop.MaySee(Viewer.Public, Vertrouwen, Edition));
        Assert.Equal(NoteVisibility.All, workshop.NotesVisibleTo(Viewer.Public, Vertrouwen, Edition));
        Assert.True(workshop.ScoresVisibleTo(Viewer.Public, Vertrouwen, Edition));

        // Notes still hidden at closing and scores never revealed stay inside; participants read them once closed.
        Assert.Equal(NoteVisibility.None, workshop.NotesVisibleTo(Viewer.Public, Visie, Edition));
        Assert.False(workshop.ScoresVisibleTo(Viewer.Public, Visie, Edition));
        Assert.Equal(NoteVisibility.All, workshop.NotesVisibleTo(Participant, Visie, Edition));
        Assert.True(workshop.ScoresVisibleTo(Participant, Visie, Edition));

        // A participant's own three actions are never the public's.
        Assert.False(workshop.ParticipantActionsVisibleTo(Viewer.Public, Edition));
        Assert.True(workshop.ParticipantActionsVisibleTo(Participant, Edition));
        Assert.False(Viewer.Public.IsRoom);
    }
}
