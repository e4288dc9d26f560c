package org.gridgov.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.cases.Assessment;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.CaseAction;
import org.gridgov.core.cases.CaseId;
import org.gridgov.core.cases.Holder;
import org.gridgov.core.cases.Rating;
import org.gridgov.core.cases.SourceChannel;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.TimeLimitTable;
import org.gridgov.core.time.TimeLimits;
import org.gridgov.scoring.CaseFacts.WorkerRole;
import org.gridgov.scoring.ScoringScheme.CensoringRule;
import org.junit.jupiter.api.Test;

/**
 * Facts derived from core cases and their trails. Calendar: the standard one, Monday–Friday
 * 08:30–12:00 and 13:30–18:00 in Asia/Shanghai. 2026-03-02 is a Monday.
 */
class FactRulesTest {
  private static final Holder CHENGGUAN = Holder.department("城管局", GridLevel.DISTRICT);
  private static final Holder ZHUJIAN = Holder.department("住建局", GridLevel.DISTRICT);

  /** The county's command centre (县中心), a county-level body a street whistles to. */
  private static final Holder COUNTY_CENTRE = Holder.department("县中心", GridLevel.DISTRICT);

  private static Instant at(String localTime) {
    return OffsetDateTime.parse(localTime + "+08:00").toInstant();
  }

  private static Case.Builder report(String id, String when) {
    return Case.report(CaseId.of(id), "01001", SourceChannel.PATROL, at(when))
        .reporter("W1")
        .grid(GridId.of("G1"));
  }

  private static FactRules rules(String asOf) {
    return FactRules.builder(at(asOf))
        .timeLimits(
            new TimeLimitTable(
                Map.of(
                    "01001", new TimeLimits(TimeLimit.workingHours(4), TimeLimit.workingDays(1)))))
        .build();
  }

  @Test
  void aCaseHandledOnTimeEverywhere() {
    Case c =
        report("c1", "2026-03-02T09:00:00")
            .build()
            .apply(CaseAction.FILE, "F1", at("2026-03-02T09:30:00"), "")
            .dispatch("P1", at("2026-03-02T10:00:00"), CHENGGUAN, "")
            .apply(CaseAction.ACCEPT, "城管局", at("2026-03-02T11:00:00"), "")
            .apply(CaseAction.FEED_BACK, "城管局", at("2026-03-02T13:40:00"), "")
            .apply(CaseAction.VERIFY, "K1", at("2026-03-02T14:00:00"), "")
            .apply(CaseAction.CLOSE, "L1", at("2026-03-02T14:30:00"), "")
            .evaluate("hotline", at("2026-03-03T10:00:00"), Rating.SATISFIED, "");
    CaseFacts f = rules("2026-03-31T00:00:00").derive(c);
    // Limits: filing 1 wh, dispatch 1 wh, response 2 wh, check 2 wh, closing 1 wh; handling for
    // item 01001 4 working hours from the dispatch at 10:00 → 15:30 (10–12 is 2 h, 13:30 + 2 h).
    assertThat(f.flags())
        .containsExactlyInAnyOrderElementsOf(
            EnumSet.of(
                Count.REPORTED,
                Count.VALID_REPORTS,
                Count.FILED,
                Count.FILED_ON_TIME,
                Count.DISPATCHED,
                Count.DISPATCHED_ON_TIME,
                Count.DISPATCHED_ACCURATELY,
                Count.TAKEN_ON,
                Count.RESPONDED_ON_TIME,
                Count.CLOSED,
                Count.HANDLED_ON_TIME,
                Count.CLOSED_ON_TIME,
                Count.CHECKED,
                Count.CHECKED_ON_TIME,
                Count.CLOSURES,
                Count.CLOSURES_ON_TIME,
                Count.FOLLOW_UPS,
                Count.SATISFIED,
                Count.FOLLOW_UPS_CONTACTED,
                Count.FOLLOW_UPS_RESOLVED));
    assertThat(f.month()).isEqualTo(YearMonth.of(2026, 3));
    assertThat(f.department()).hasValue("城管局");
    assertThat(f.grid()).hasValue("G1");
    assertThat(f.workers())
        .containsEntry(WorkerRole.REPORTER, "W1")
        .containsEntry(WorkerRole.RESPONSIBLE, "W1")
        .containsEntry(WorkerRole.FILER, "F1")
        .containsEntry(WorkerRole.DISPATCHER, "P1")
        .containsEntry(WorkerRole.CHECKER, "K1")
        .containsEntry(WorkerRole.CLOSER, "L1");
    assertThat(f.open()).isEmpty();
  }

  @Test
  void lateResponseAndAnOverdueOpenCaseOverAWeekend() {
    // Friday 17:45 dispatch; the 4 working-hour limit runs 17:45–18:00 Friday (15 min), then
    // Monday 08:30–12:00 (3 h 30) and 13:30–13:45: deadline Monday 2026-03-09 13:45.
    Case c =
        report("c2", "2026-03-06T17:00:00")
            .build()
            .apply(CaseAction.FILE, "F1", at("2026-03-06T17:30:00"), "")
            .dispatch("P1", at("2026-03-06T17:45:00"), CHENGGUAN, "")
            // Accepted Monday 11:00: 15 min + 2 h 30 = 2 h 45 of working time > 2 h.
            .apply(CaseAction.ACCEPT, "城管局", at("2026-03-09T11:00:00"), "");
    CaseFacts f = rules("2026-03-10T09:00:00").derive(c);
    assertThat(f.flags())
        .contains(Count.TAKEN_ON, Count.OVERDUE_OPEN, Count.DISPATCHED_ON_TIME)
        .doesNotContain(Count.RESPONDED_ON_TIME, Count.CLOSED, Count.FOLLOW_UPS);
    CaseFacts.OpenClock clock = f.open().orElseThrow();
    assertThat(clock.deadline()).isEqualTo(at("2026-03-09T13:45:00"));
    assertThat(clock.allowedMinutes()).isEqualTo(240);
    // Used by Tuesday 09:00: Friday 15 + Monday 480 (3 h 30 + 4 h 30) + Tuesday 30 = 525 minutes.
    assertThat(clock.usedMinutes()).isEqualTo(525);
    assertThat(clock.shareUsed()).isEqualTo(525.0 / 240);
    assertThat(clock.suspended()).isFalse();
  }

  @Test
  void suspensionPausesTheClockAndTheCensoringRuleDecides() {
    // Urgent: 1 working day from Monday 09:00 → Tuesday 09:00. Suspended Monday 10:00, still
    // suspended at Tuesday 17:00: past the original limit, but the paused clock has used 1 h.
    Case c =
        report("c3", "2026-03-09T08:40:00")
            .urgent(true)
            .build()
            .apply(CaseAction.FILE, "F1", at("2026-03-09T08:50:00"), "")
            .dispatch("P1", at("2026-03-09T09:00:00"), ZHUJIAN, "")
            .apply(CaseAction.ACCEPT, "住建局", at("2026-03-09T09:10:00"), "")
            .apply(CaseAction.SUSPEND, "住建局", at("2026-03-09T10:00:00"), "awaiting permit");
    CaseFacts f = rules("2026-03-10T17:00:00").derive(c);
    assertThat(f.flags())
        .contains(Count.SUSPENDED_OPEN, Count.SUSPENDED_OVERDUE, Count.DEFERRED)
        .doesNotContain(Count.OVERDUE_OPEN, Count.CLOSED);
    CaseFacts.OpenClock clock = f.open().orElseThrow();
    assertThat(clock.allowedMinutes()).isEqualTo(480);
    assertThat(clock.usedMinutes()).isEqualTo(60);
    assertThat(clock.suspended()).isTrue();
    CaseLog log = CaseLog.builder(at("2026-03-10T17:00:00")).add(f).build();
    ScoringPeriod march = ScoringPeriod.month(YearMonth.of(2026, 3));
    ScoringScheme base =
        ScoringScheme.builder("x", "x", SchemeFixtures.CITATION)
            .rate(Indicator.CLOSING_RATE, 100)
            .build();
    Scorecard excluded =
        Scorer.of(base).score(log, Scorer.Request.of(march, UnitKind.DEPARTMENT)).get(0);
    assertThat(excluded.value("住建局", Indicator.DUE_FOR_CLOSURE).orElseThrow().value()).hasValue(0);
    Scorecard counted =
        Scorer.of(base.toBuilder().censoring(CensoringRule.COUNT_SUSPENDED_WHEN_OVERDUE).build())
            .score(log, Scorer.Request.of(march, UnitKind.DEPARTMENT))
            .get(0);
    assertThat(counted.value("住建局", Indicator.DUE_FOR_CLOSURE).orElseThrow().value()).hasValue(1);
    assertThat(counted.value("住建局", Indicator.CLOSING_RATE).orElseThrow().value()).hasValue(0);
  }

  @Test
  void resumedSuspensionExtendsTheDeadline() {
    // 4 wh from Monday 09:00 = 14:30 (09:00–12:00 is 3 h, then 13:30–14:30). Suspended 10:00–15:00,
    // 3 h 30 of working time (10–12, 13:30–15); deadline 14:30 + 3 h 30 = Monday 18:00, so
    // closing at 17:50 is on time although it is after the unpaused deadline 14:30.
    Case c =
        report("c4", "2026-03-09T08:40:00")
            .build()
            .apply(CaseAction.FILE, "F1", at("2026-03-09T08:50:00"), "")
            .dispatch("P1", at("2026-03-09T09:00:00"), ZHUJIAN, "")
            .apply(CaseAction.ACCEPT, "住建局", at("2026-03-09T09:10:00"), "")
            .apply(CaseAction.SUSPEND, "住建局", at("2026-03-09T10:00:00"), "")
            .apply(CaseAction.RESUME, "住建局", at("2026-03-09T15:00:00"), "")
            .apply(CaseAction.FEED_BACK, "住建局", at("2026-03-09T17:00:00"), "")
            .apply(CaseAction.VERIFY, "K1", at("2026-03-09T17:30:00"), "")
            .apply(CaseAction.CLOSE, "L1", at("2026-03-09T17:50:00"), "");
    CaseFacts f = rules("2026-03-31T00:00:00").derive(c);
    assertThat(f.flags())
        .contains(Count.CLOSED, Count.HANDLED_ON_TIME, Count.CLOSED_ON_TIME, Count.DEFERRED);
  }

  @Test
  void reworkReturnsWhistlesAndReverseGrades() {
    Case c =
        report("c5", "2026-03-02T09:00:00")
            .assessment(Assessment.builder().reverseGrade(85).worker("W7").build())
            .build()
            .apply(CaseAction.FILE, "F1", at("2026-03-02T09:10:00"), "")
            .dispatch("P1", at("2026-03-02T09:20:00"), CHENGGUAN, "")
            .apply(CaseAction.RETURN, "城管局", at("2026-03-02T09:30:00"), "not ours")
            .escalate("S1", at("2026-03-02T09:40:00"), COUNTY_CENTRE, "whistle")
            .dispatch("C9", at("2026-03-02T09:50:00"), ZHUJIAN, "")
            .apply(CaseAction.ACCEPT, "住建局", at("2026-03-02T10:00:00"), "")
            .apply(CaseAction.FEED_BACK, "住建局", at("2026-03-02T11:00:00"), "")
            .apply(CaseAction.SEND_BACK, "K1", at("2026-03-02T11:10:00"), "")
            .apply(CaseAction.ACCEPT, "住建局", at("2026-03-02T11:20:00"), "")
            .apply(CaseAction.FEED_BACK, "住建局", at("2026-03-02T11:30:00"), "")
            .apply(CaseAction.SEND_BACK, "K1", at("2026-03-02T11:40:00"), "")
            .apply(CaseAction.ACCEPT, "住建局", at("2026-03-02T11:50:00"), "")
            .apply(CaseAction.FEED_BACK, "住建局", at("2026-03-02T13:40:00"), "")
            .apply(CaseAction.VERIFY, "K1", at("2026-03-02T13:50:00"), "")
            .apply(CaseAction.CLOSE, "L1", at("2026-03-02T14:00:00"), "");
    CaseFacts f = rules("2026-03-31T00:00:00").derive(c);
    assertThat(f.department()).hasValue("住建局");
    assertThat(f.workers())
        .containsEntry(WorkerRole.RESPONSIBLE, "W7")
        .containsEntry(WorkerRole.DISPATCHER, "P1");
    assertThat(f.reworks()).isEqualTo(2);
    assertThat(f.repeatedReworks()).isEqualTo(1);
    assertThat(f.reverseGrade()).hasValue(85);
    assertThat(f.flags())
        .contains(Count.WHISTLED, Count.REVERSE_GRADED, Count.REWORKED, Count.CLOSED)
        .doesNotContain(Count.DISPATCHED_ACCURATELY);
  }

  @Test
  void aReverseGradeCountsOnceTheWhistleIsInTheAsOfView() {
    Case c =
        report("c7", "2026-03-30T09:00:00")
            .assessment(Assessment.builder().reverseGrade(70).build())
            .build()
            .apply(CaseAction.FILE, "F1", at("2026-03-30T09:10:00"), "")
            .dispatch("P1", at("2026-03-30T09:20:00"), CHENGGUAN, "")
            .apply(CaseAction.RETURN, "城管局", at("2026-03-30T09:30:00"), "not ours")
            .escalate("S1", at("2026-04-01T09:40:00"), COUNTY_CENTRE, "whistle");
    // March, taken from the finished record: the whistle came in April, so no grade yet.
    CaseFacts march = rules("2026-03-31T23:59:59").derive(c);
    assertThat(march.reverseGrade()).isEmpty();
    assertThat(march.flags()).doesNotContain(Count.WHISTLED, Count.REVERSE_GRADED);
    CaseFacts april = rules("2026-04-30T23:59:59").derive(c);
    assertThat(april.reverseGrade()).hasValue(70);
    assertThat(april.flags()).contains(Count.WHISTLED, Count.REVERSE_GRADED);
  }

  @Test
  void stepsAfterTheAsOfInstantAreIgnored() {
    Case c =
        report("c6", "2026-03-02T09:00:00")
            .build()
            .apply(CaseAction.FILE, "F1", at("2026-03-02T09:10:00"), "")
            .dispatch("P1", at("2026-03-02T09:20:00"), CHENGGUAN, "")
            .apply(CaseAction.ACCEPT, "城管局", at("2026-03-02T10:00:00"), "")
            .apply(CaseAction.FEED_BACK, "城管局", at("2026-03-02T11:00:00"), "")
            .apply(CaseAction.VERIFY, "K1", at("2026-03-02T11:10:00"), "")
            .apply(CaseAction.CLOSE, "L1", at("2026-03-05T10:00:00"), "")
            .evaluate("hotline", at("2026-03-06T10:00:00"), Rating.DISSATISFIED, "");
    CaseFacts before = rules("2026-03-04T10:00:00").derive(c);
    assertThat(before.flags())
        .contains(Count.OVERDUE_OPEN)
        .doesNotContain(Count.CLOSED, Count.FOLLOW_UPS);
    CaseFacts after = rules("2026-03-31T00:00:00").derive(c);
    assertThat(after.flags())
        .contains(Count.CLOSED, Count.DISSATISFIED, Count.HANDLED_ON_TIME)
        .doesNotContain(Count.CLOSED_ON_TIME);
  }

  @Test
  void rejectedAndPublicReports() {
    Case rejected =
        report("c7", "2026-03-02T09:00:00")
            .build()
            .apply(CaseAction.REJECT, "F1", at("2026-03-02T09:05:00"), "");
    CaseFacts f = rules("2026-03-31T00:00:00").derive(rejected);
    assertThat(f.flags()).containsExactly(Count.REPORTED);
    assertThat(f.workers()).containsEntry(WorkerRole.FILER, "F1");
    Case hotline =
        Case.report(
                CaseId.of("c8"), "01001", SourceChannel.HOTLINE_12345, at("2026-03-02T09:00:00"))
            .reporter("citizen")
            .build();
    CaseFacts h = rules("2026-03-31T00:00:00").derive(hotline);
    assertThat(h.flags()).containsExactlyInAnyOrder(Count.REPORTED, Count.PUBLIC_REPORTS);
    assertThat(h.workers()).isEmpty();
  }

  @Test
  void followUpAttributesOverrideTheDefaults() {
    Case c =
        report("c9", "2026-03-02T09:00:00")
            .assessment(
                Assessment.builder()
                    .followUp(Assessment.FollowUp.VALID)
                    .contacted(false)
                    .resolved(true)
                    .build())
            .build();
    CaseFacts f = rules("2026-03-31T00:00:00").derive(c);
    assertThat(f.flags())
        .contains(Count.FOLLOW_UPS, Count.FOLLOW_UPS_RESOLVED)
        .doesNotContain(Count.FOLLOW_UPS_CONTACTED);
  }

  @Test
  void badFactsNameTheirPointer() {
    FactRules r = rules("2026-03-31T00:00:00");
    InvalidInputException notWhistled =
        catchThrowableOfType(
            InvalidInputException.class,
            () ->
                r.derive(
                    report("x", "2026-03-02T09:00:00")
                        .assessment(Assessment.builder().reverseGrade(80).build())
                        .build()));
    assertThat(notWhistled.pointer()).hasValue("/assessment/reverseGrade");
    assertThat(notWhistled.reason()).contains("needs a whistle");
    InvalidInputException ratedButInvalid =
        catchThrowableOfType(
            InvalidInputException.class,
            () ->
                r.derive(
                    report("x", "2026-03-02T09:00:00")
                        .assessment(
                            Assessment.builder().followUp(Assessment.FollowUp.INVALID).build())
                        .build()
                        .apply(CaseAction.FILE, "F1", at("2026-03-02T09:10:00"), "")
                        .dispatch("P1", at("2026-03-02T09:20:00"), CHENGGUAN, "")
                        .apply(CaseAction.ACCEPT, "城管局", at("2026-03-02T10:00:00"), "")
                        .apply(CaseAction.FEED_BACK, "城管局", at("2026-03-02T11:00:00"), "")
                        .apply(CaseAction.VERIFY, "K1", at("2026-03-02T11:10:00"), "")
                        .apply(CaseAction.CLOSE, "L1", at("2026-03-02T11:20:00"), "")
                        .evaluate("hotline", at("2026-03-03T10:00:00"), Rating.SATISFIED, "")));
    assertThat(ratedButInvalid.pointer()).hasValue("/assessment/followUp");
    assertThat(ratedButInvalid.reason()).contains("follow-up is marked invalid");
  }

  @Test
  void aFactLeftInTheAttributesIsRefusedNotIgnored() {
    // In memory, a version-1 attribute would silently become the default; the JSON reader moves
    // it into the assessment, so a case that still carries one is a caller mistake.
    assertThatThrownBy(
            () ->
                rules("2026-03-31T00:00:00")
                    .derive(
                        report("x", "2026-03-02T09:00:00")
                            .attributes(Map.of(Assessment.DEPARTMENT, "城管局"))
                            .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("case x carries the assessment fact 'department' as an attribute");
  }

  @Test
  void communityAndStreetComeFromTheHierarchyOrFromTheAssessment() {
    GridHierarchy h =
        GridHierarchy.builder()
            .add(Grid.territorial("S1", GridLevel.STREET).build())
            .add(Grid.territorial("C1", GridLevel.COMMUNITY).parent("S1").build())
            .add(Grid.territorial("G1", GridLevel.MICRO).parent("C1").build())
            .build();
    FactRules r = FactRules.builder(at("2026-03-31T00:00:00")).hierarchy(h).build();
    CaseFacts f = r.derive(report("h1", "2026-03-02T09:00:00").build());
    assertThat(f.community()).hasValue("C1");
    assertThat(f.street()).hasValue("S1");
    InvalidInputException outside =
        catchThrowableOfType(
            InvalidInputException.class,
            () ->
                r.derive(
                    Case.report(
                            CaseId.of("h2"),
                            "01001",
                            SourceChannel.PATROL,
                            at("2026-03-02T09:00:00"))
                        .grid(GridId.of("G404"))
                        .build()));
    assertThat(outside.pointer()).hasValue("/grid");
    CaseFacts byAttr =
        rules("2026-03-31T00:00:00")
            .derive(
                report("h3", "2026-03-02T09:00:00")
                    .assessment(Assessment.builder().community("C2").street("S2").build())
                    .build());
    assertThat(Set.of(byAttr.community().orElseThrow(), byAttr.street().orElseThrow()))
        .containsExactlyInAnyOrder("C2", "S2");
  }
}
