using GenderPlan.Core.Domain;
using GenderPlan.Core.FollowUps;

namespace GenderPlan.Core.Tests;

public sealed class FollowUpCaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static FollowUpCase Opened() => FollowUpCase.Open("yte", "G4.1", "xa-dak-to", "2026", Status.OffTrack, Now, Today).Case;

    [Fact]
    public void Case_id_names_its_unit_and_is_the_same_for_the_same_alert()
    {
        var id = FollowUpCase.IdFor("yte", "G4.1", "xa-dak-to", "2026");

        Assert.Equal(id, Opened().Id);
        Assert.Equal("yte", FollowUpCase.UnitOf(id));
        Assert.NotEqual(id, FollowUpCase.IdFor("yte", "G4.1", "xa-dak-to", "2026-H1"));
        Assert.Null(FollowUpCase.UnitOf("yte~../../x"));
        Assert.Null(FollowUpCase.UnitOf("YTE~0123456789ab"));
        Assert.Null(FollowUpCase.UnitOf("no-tilde"));
    }

    [Fact]
    public void Acknowledgement_needs_an_action_and_a_date_not_past_and_keeps_the_trimmed_action()
    {
        var open = Opened();

        Assert.Equal("action", open.Acknowledge("yte", "  ", Today, Now, Today).Field);
        Assert.Equal("action", open.Acknowledge("yte", new string('a', FollowUpCase.MaxTextLength + 1), Today, Now, Today).Field);
        Assert.Equal("expectedBy", open.Acknowledge("yte", "Truyền thông", null, Now, Today).Field);
        Assert.Equal("expectedBy", open.Acknowledge("yte", "Truyền thông", Today.AddDays(-1), Now, Today).Field);
        var answered = open.Acknowledge("yte", "  Truyền thông  ", Today, Now, Today);
        Assert.Equal((FollowUpState.Acknowledged, "Truyền thông", Today), (answered.Case!.State, answered.Case.Action, answered.Case.ExpectedBy!.Value));
    }

    [Fact]
    public void Clock_reminds_three_days_before_escalating_on_the_plans_day_and_marks_a_passed_date_overdue()
    {
        var settings = new FollowUpSettings(AcknowledgeWithinDays: 10);
        var open = Opened();

        Assert.Equal(FollowUpStep.None, open.Due(Today.AddDays(6), settings));
        Assert.Equal(FollowUpStep.Remind, open.Due(Today.AddDays(7), settings));
        var reminded = open.Apply(FollowUpStep.Remind, Now).Case;
        Assert.Equal(FollowUpStep.None, reminded.Due(Today.AddDays(8), settings));
        Assert.Equal(FollowUpStep.Escalate, reminded.Due(Today.AddDays(10), settings));

        var answered = open.Acknowledge("yte", "Truyền thông", Today.AddDays(5), Now, Today).Case!;
        Assert.Equal(FollowUpStep.None, answered.Due(Today.AddDays(5), settings));
        Assert.Equal(FollowUpStep.MarkOverdue, answered.Due(Today.AddDays(6), settings));
        // A plan of two days still gives the unit a day before its reminder.
        Assert.Equal(Today.AddDays(1), new FollowUpSettings(2).ReminderOn(Today));
    }

    [Fact]
    public void Closed_case_opens_again_when_alerted_again_and_an_open_one_keeps_its_action()
    {
        var answered = Opened().Acknowledge("yte", "Truyền thông", Today.AddDays(30), Now, Today).Case!;

        var realerted = answered.Realert(Status.Missed, Now, Today.AddDays(2)).Case;
        var closed = answered.Resolve(FollowUpResolution.Report, FollowUpCase.System, null, Now)!.Value.Case;
        var reopened = closed.Realert(Status.FallingBehind, Now, Today.AddDays(40)).Case;

        Assert.Equal((FollowUpState.Acknowledged, "Truyền thông", Status.Missed), (realerted.State, realerted.Action, realerted.Status));
        Assert.Null(closed.Resolve(FollowUpResolution.Coordinator, "ldtbxh", "x", Now));
        Assert.Equal((FollowUpState.Open, null, Today.AddDays(40), false), (reopened.State, reopened.Action, reopened.OpenedOn, reopened.Reminded));
        Assert.True(closed.Acknowledge("yte", "Thêm", Today, Now, Today).IsClosed);
    }
}
