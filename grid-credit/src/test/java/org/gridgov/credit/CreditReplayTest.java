package org.gridgov.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.credit.CreditFixtures.about;
import static org.gridgov.credit.CreditFixtures.at;
import static org.gridgov.credit.CreditFixtures.redeem;
import static org.gridgov.credit.CreditFixtures.ruled;
import static org.gridgov.credit.EntryKind.APPEAL_FILED;
import static org.gridgov.credit.EntryKind.APPEAL_UPHELD;
import static org.gridgov.credit.EntryKind.APPEAL_VOIDED;
import static org.gridgov.credit.EntryKind.CORRECT;
import static org.gridgov.credit.EntryKind.DEDUCT;
import static org.gridgov.credit.EntryKind.EXPIRE;
import static org.gridgov.credit.EntryKind.RECOGNISE;
import static org.gridgov.credit.EntryKind.REPAIR;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.credit.EntryRefusal.Code;
import org.gridgov.credit.StatementLine.AppealStatus;
import org.junit.jupiter.api.Test;

/** Worked examples by hand: every entry kind, the effective rules, and every refusal. */
class CreditReplayTest {
  private static final CreditScheme SCHEME = CreditFixtures.scheme();

  /** One resident's year, computed by hand in the comments (start 100). */
  private static List<Entry> year() {
    return List.of(
        ruled(1, "2026-03-02T09:00:00", "r-1", RECOGNISE, "V01", 2, "w-1"), // 102
        ruled(2, "2026-03-02T10:00:00", "r-1", RECOGNISE, "G02", 10, "w-1"), // 112
        ruled(3, "2026-03-03T09:00:00", "r-1", DEDUCT, "D01", -5, "w-1"), // 107
        about(4, "2026-03-04T09:00:00", "r-1", APPEAL_FILED, 3, 0, "r-1"), // 107, 1 open
        about(5, "2026-03-05T09:00:00", "r-1", APPEAL_VOIDED, 3, 0, "s-1"), // 112, 0 open
        ruled(6, "2026-03-06T09:00:00", "r-1", DEDUCT, "D02", -20, "s-1"), // 92
        about(7, "2026-03-09T09:00:00", "r-1", APPEAL_FILED, 6, 0, "r-1"), // 92
        about(8, "2026-03-10T09:00:00", "r-1", APPEAL_UPHELD, 6, 0, "s-1"), // 92
        redeem(9, "2026-03-10T10:00:00", "r-1", -30), // 62
        ruled(10, "2026-03-10T11:00:00", "r-1", DEDUCT, "D01", -5, "w-1"), // 57
        about(11, "2026-04-09T09:00:00", "r-1", REPAIR, 10, 0, "w-1"), // 62: all 5 restored
        about(12, "2026-04-10T09:00:00", "r-1", CORRECT, 2, -4, "w-1"), // 58: deed worth 6
        about(13, "2027-03-02T10:00:00", "r-1", EXPIRE, 2, 0, "system")); // 52: +10 and -4 go
  }

  @Test
  void everyEntryKindCountsAsWorkedOutByHand() {
    long[] balances = {102, 112, 107, 107, 112, 92, 92, 92, 62, 57, 62, 58, 52};
    List<Entry> year = year();
    for (int k = 1; k <= year.size(); k++) {
      CreditBook b = CreditReplay.replay(SCHEME, year.subList(0, k), ReplayOptions.defaults());
      assertThat(b.account("r-1").orElseThrow().balance())
          .as("after entry %s", k)
          .isEqualTo(balances[k - 1]);
    }
    CreditAccount a =
        CreditReplay.replay(SCHEME, year, ReplayOptions.defaults()).account("r-1").orElseThrow();
    assertThat(a.level()).isEqualTo("D");
    assertThat(a.entries()).isEqualTo(13);
    assertThat(a.openAppeals()).isZero();
    List<StatementLine> s = a.statement();
    assertThat(s.get(2).counts()).isZero(); // voided deduction
    assertThat(s.get(2).appeal()).isEqualTo(AppealStatus.VOIDED);
    assertThat(s.get(5).appeal()).isEqualTo(AppealStatus.UPHELD);
    assertThat(s.get(5).counts()).isEqualTo(-20);
    assertThat(s.get(10).points()).isEqualTo(5); // the repair restored all 5
    assertThat(s.get(10).counts()).isEqualTo(5);
    assertThat(s.get(1).counts()).isZero(); // expired by 13
    assertThat(s.get(11).counts()).isZero(); // the correction of an expired entry goes with it
    assertThat(s.get(1).notes())
        .contains("corrected by -4 (entry 12)", "expired (entry 13), counts 0 from then");
    assertThat(s.get(11).notes()).contains("counts 0: entry 2 counts zero");
    assertThat(s.get(2).notes())
        .anyMatch(n -> n.startsWith("appealed by r-1 (entry 4), decide by"))
        .contains("appeal upheld by s-1 (entry 5): voided, counts 0 from then");
    assertThat(s.get(9).notes()).contains("repaired +5 (entry 11)");
    long sum = SCHEME.start();
    for (StatementLine l : s) {
      sum += l.counts();
    }
    assertThat(sum).isEqualTo(a.balance());
  }

  @Test
  void theStatementTextExplainsEveryPoint() {
    CreditAccount a =
        CreditReplay.replay(SCHEME, year().subList(0, 5), ReplayOptions.defaults())
            .account("r-1")
            .orElseThrow();
    String text = a.statementText(SCHEME.start());
    assertThat(text)
        .startsWith("resident r-1: balance 112, level AA, 5 entries, 0 open appeals\n  start 100\n")
        .contains("  #3 2026-03-03T01:00:00Z DEDUCT -5, counts 0\n")
        .contains("      rule D01 \"Littering\" (basis: Credit measures art. 12)\n")
        .contains("      by w-1, evidence photo-3\n")
        .contains("      appeal upheld by s-1 (entry 5): voided, counts 0 from then\n");
  }

  @Test
  void anAppealIsOpenUntilDecidedAndOverdueAfterTheReviewDeadline() {
    List<Entry> e = new ArrayList<>(year().subList(0, 4));
    CreditBook open =
        CreditReplay.replay(
            SCHEME, e, ReplayOptions.defaults().asOfEndOf(LocalDate.of(2026, 3, 31)));
    CreditAccount a = open.account("r-1").orElseThrow();
    assertThat(a.openAppeals()).isEqualTo(1);
    // filed Wed 2026-03-04 09:00 + 10 working days = Wed 2026-03-18 09:00
    assertThat(a.statement().get(2).notes())
        .contains("appealed by r-1 (entry 4), decide by 2026-03-18T01:00:00Z; overdue: escalate");
  }

  @Test
  void replayAsOfADayIgnoresLaterEntries() {
    CreditBook b =
        CreditReplay.replay(
            SCHEME, year(), ReplayOptions.defaults().asOfEndOf(LocalDate.of(2026, 3, 5)));
    assertThat(b.entries()).isEqualTo(5);
    assertThat(b.account("r-1").orElseThrow().balance()).isEqualTo(112);
    assertThat(b.asOf()).contains(at("2026-03-05T23:59:59.999999999"));
  }

  /** National Day week off, with a make-up working Saturday (调休). */
  private static WorkCalendar nationalDay(boolean withMakeUpDay) {
    List<LocalDate> off = new ArrayList<>();
    for (int d = 1; d <= 7; d++) {
      off.add(LocalDate.of(2026, 10, d));
    }
    return WorkCalendar.builder(ZoneId.of("Asia/Shanghai"))
        .holidays(off)
        .makeUpDays(withMakeUpDay ? List.of(LocalDate.of(2026, 10, 10)) : List.of())
        .build();
  }

  @Test
  void theAppealWindowCountsWorkingDaysAcrossAHolidayAndAMakeUpDay() {
    // Deduction Wed 2026-09-30 10:00. Working time: 6.5 h that day; 10-01..07 are holidays;
    // Thu 10-08 8 h, Fri 10-09 8 h, Sat 10-10 (make-up day) 8 h, Mon 10-12 8 h = 38.5 h;
    // the 40th hour ends Tue 10-13 at 10:00 (08:30 + 1.5 h).
    Entry d = ruled(1, "2026-09-30T10:00:00", "r-1", DEDUCT, "D01", -5, "w-1");
    ReplayOptions cal = ReplayOptions.defaults().withCalendar(nationalDay(true));
    CreditReplay r = CreditReplay.start(SCHEME, cal);
    r.accept(d);
    assertThat(r.check(about(2, "2026-10-13T10:00:00", "r-1", APPEAL_FILED, 1, 0, "r-1")))
        .isEmpty();
    assertThat(r.check(about(2, "2026-10-13T10:00:01", "r-1", APPEAL_FILED, 1, 0, "r-1")))
        .hasValueSatisfying(
            f -> {
              assertThat(f.code()).isEqualTo(Code.APPEAL_WINDOW_CLOSED);
              assertThat(f.reason()).contains("closed at 2026-10-13T02:00:00Z (5 working days");
            });
    // Without the make-up Saturday the window closes a working day later, Wed 10-14 10:00.
    CreditReplay noMakeUp =
        CreditReplay.start(SCHEME, ReplayOptions.defaults().withCalendar(nationalDay(false)));
    noMakeUp.accept(d);
    assertThat(noMakeUp.check(about(2, "2026-10-14T10:00:00", "r-1", APPEAL_FILED, 1, 0, "r-1")))
        .isEmpty();
    assertThat(noMakeUp.check(about(2, "2026-10-14T10:00:01", "r-1", APPEAL_FILED, 1, 0, "r-1")))
        .map(EntryRefusal::code)
        .contains(Code.APPEAL_WINDOW_CLOSED);
  }

  @Test
  void theReviewDeadlineCountsWorkingDaysAcrossTheHoliday() {
    // Filed Wed 09-30 10:00; 10 working days: 38.5 h to Mon 10-12 (as above), then Tue 10-13,
    // Wed 10-14, Thu 10-15, Fri 10-16 (32 h, 70.5 h), Mon 10-19 8 h = 78.5 h; the 80th hour ends
    // Tue 10-20 at 10:00.
    CreditReplay r =
        CreditReplay.start(SCHEME, ReplayOptions.defaults().withCalendar(nationalDay(true)));
    r.accept(ruled(1, "2026-09-30T09:00:00", "r-1", DEDUCT, "D01", -5, "w-1"));
    r.accept(about(2, "2026-09-30T10:00:00", "r-1", APPEAL_FILED, 1, 0, "r-1"));
    assertThat(r.book().account("r-1").orElseThrow().statement().get(0).notes())
        .contains("appealed by r-1 (entry 2), decide by 2026-10-20T02:00:00Z");
  }

  @Test
  void aRepairComesAfterTheWaitingPeriodAndNeverRestoresMoreThanWasDeducted() {
    CreditReplay r = CreditReplay.start(SCHEME, ReplayOptions.defaults());
    r.accept(ruled(1, "2026-03-10T11:00:00", "r-1", DEDUCT, "D01", -5, "w-1"));
    assertThat(r.check(about(2, "2026-04-08T23:59:00", "r-1", REPAIR, 1, 0, "w-1")))
        .map(EntryRefusal::reason)
        .contains("rule D01 allows a repair 30 days after the deduction, from 2026-04-09");
    r.accept(about(2, "2026-04-09T00:00:00", "r-1", REPAIR, 1, 2, "w-1"));
    assertThat(r.balance("r-1")).isEqualTo(97);
    assertThat(r.check(about(3, "2026-04-10T00:00:00", "r-1", REPAIR, 1, 4, "w-1")))
        .map(EntryRefusal::code)
        .contains(Code.REPAIR_TOO_MUCH);
    r.accept(about(3, "2026-04-10T00:00:00", "r-1", REPAIR, 1, 0, "w-1"));
    assertThat(r.balance("r-1")).isEqualTo(100);
    assertThat(r.check(about(4, "2026-04-11T00:00:00", "r-1", REPAIR, 1, 0, "w-1")))
        .map(EntryRefusal::reason)
        .contains("entry 1 has 0 points left to restore, not 0");
  }

  @Test
  void theMonthlyCapRefusesARecognitionOverItAndAVoidedOneFreesItsPoints() {
    CreditReplay r = CreditReplay.start(SCHEME, ReplayOptions.defaults());
    for (int i = 1; i <= 5; i++) {
      r.accept(ruled(i, "2026-03-0" + i + "T09:00:00", "r-1", RECOGNISE, "V01", 2, "w-1"));
    }
    Entry sixth = ruled(6, "2026-03-31T23:00:00", "r-1", RECOGNISE, "V01", 2, "w-1");
    assertThat(r.check(sixth))
        .map(EntryRefusal::reason)
        .contains(
            "rule V01 is capped at 10 points a month; r-1 has 10 in 2026-03, 2 more would make 12");
    // another resident has a cap of their own; April is a new month (in Shanghai time)
    assertThat(r.check(ruled(6, "2026-03-31T23:00:00", "r-2", RECOGNISE, "V01", 2, "w-1")))
        .isEmpty();
    assertThat(r.check(ruled(6, "2026-04-01T00:00:00", "r-1", RECOGNISE, "V01", 2, "w-1")))
        .isEmpty();
    r.accept(about(6, "2026-03-06T09:00:00", "r-1", APPEAL_FILED, 1, 0, "r-1"));
    r.accept(about(7, "2026-03-06T10:00:00", "r-1", APPEAL_VOIDED, 1, 0, "s-1"));
    assertThat(r.check(ruled(8, "2026-03-31T23:00:00", "r-1", RECOGNISE, "V01", 2, "w-1")))
        .isEmpty();
  }

  @Test
  void theFloorRefusesAnEntryThatWouldGoBelowIt() {
    CreditReplay r = CreditReplay.start(SCHEME, ReplayOptions.defaults());
    r.accept(redeem(1, "2026-03-02T09:00:00", "r-1", -95));
    assertThat(r.check(ruled(2, "2026-03-02T10:00:00", "r-1", DEDUCT, "D01", -5, "w-1"))).isEmpty();
    assertThat(r.check(ruled(2, "2026-03-02T10:00:00", "r-1", DEDUCT, "D02", -10, "s-1")))
        .map(EntryRefusal::reason)
        .contains("would take the balance of r-1 from 5 to -5, below the floor 0");
  }

  @Test
  void everyBrokenRuleIsRefusedWithItsReason() {
    CreditScheme s = SCHEME;
    ReplayOptions posts =
        ReplayOptions.defaults()
            .withPosts(
                CreditPosts.of(
                    Map.of("w-1", Set.of("GRID_WORKER"), "s-1", Set.of("COMMUNITY_SECRETARY"))));
    List<Entry> base =
        List.of(
            ruled(1, "2026-03-02T09:00:00", "r-1", DEDUCT, "D02", -20, "s-1"),
            ruled(2, "2026-03-02T10:00:00", "r-2", RECOGNISE, "G02", 10, "w-1"));
    Object[][] cases = {
      {
        ruled(4, "2026-03-03T09:00:00", "r-1", RECOGNISE, "V01", 2, "w-1"),
        Code.SEQ_GAP,
        "seq 4 is not the next one, 3"
      },
      {
        ruled(3, "2026-03-01T09:00:00", "r-1", RECOGNISE, "V01", 2, "w-1"),
        Code.TIME_BACKWARDS,
        "before the entry before it"
      },
      {
        ruled(3, "2026-03-03T09:00:00", "r-1", RECOGNISE, "V10", 2, "w-1"),
        Code.UNKNOWN_RULE,
        "unknown rule 'V10'; did you mean 'V01'?"
      },
      {
        ruled(3, "2026-03-03T09:00:00", "r-1", RECOGNISE, "D01", 5, "w-1"),
        Code.WRONG_KIND,
        "rule D01 deducts; record it as DEDUCT"
      },
      {
        ruled(3, "2026-03-03T09:00:00", "r-1", RECOGNISE, "G02", 25, "w-1"),
        Code.POINTS_OUT_OF_RANGE,
        "points 25 outside rule G02's range 5..20"
      },
      {
        ruled(3, "2026-03-03T09:00:00", "r-1", RECOGNISE, "V01", 3, "w-1"),
        Code.POINTS_OUT_OF_RANGE,
        "points 3 outside rule V01's fixed points 2"
      },
      {
        ruled(3, "2027-01-01T09:00:00", "r-1", RECOGNISE, "V01", 2, "w-1"),
        Code.NOT_IN_FORCE,
        "made on 2027-01-01; the scheme is in force 2026-01-01 to 2026-12-31"
      },
      {
        ruled(3, "2026-03-03T09:00:00", "r-1", DEDUCT, "D02", -10, "w-1"),
        Code.NO_POST,
        "w-1 holds none of the posts that may apply rule D02 [COMMUNITY_SECRETARY]"
            + " (holds [GRID_WORKER])"
      },
      {
        redeem(3, "2026-03-03T09:00:00", "r-1", 5),
        Code.POINTS_OUT_OF_RANGE,
        "its points must be negative, not 5"
      },
      {
        about(3, "2026-03-03T09:00:00", "r-1", APPEAL_FILED, 2, 0, "r-1"),
        Code.OTHER_RESIDENT,
        "refers to entry 2 of resident r-2, not r-1"
      },
      {
        about(3, "2026-03-03T09:00:00", "r-1", APPEAL_UPHELD, 1, 0, "s-1"),
        Code.NO_OPEN_APPEAL,
        "entry 1 has no open appeal to decide"
      },
      {
        about(3, "2026-03-10T09:00:01", "r-1", APPEAL_FILED, 1, 0, "r-1"),
        Code.APPEAL_WINDOW_CLOSED,
        "after the window for appealing entry 1 closed at"
      },
      {
        about(3, "2026-03-03T09:00:00", "r-1", APPEAL_FILED, 1, 1, "r-1"),
        Code.POINTS_OUT_OF_RANGE,
        "a APPEAL_FILED entry carries no points, not 1"
      },
      {
        about(3, "2026-09-03T09:00:00", "r-1", REPAIR, 1, 0, "w-1"),
        Code.NOT_REPAIRABLE,
        "rule D02 of entry 1 is not repairable"
      },
      {
        about(3, "2026-09-03T09:00:00", "r-2", REPAIR, 2, 0, "w-1"),
        Code.NOT_APPLICABLE,
        "a repair concerns a deduction; entry 2 is a RECOGNISE"
      },
      {
        about(3, "2026-09-03T09:00:00", "r-1", EXPIRE, 1, 0, "system"),
        Code.NOT_APPLICABLE,
        "rule D02 does not expire"
      },
      {
        about(3, "2027-03-02T09:59:59", "r-2", EXPIRE, 2, 0, "system"),
        Code.EXPIRY_TOO_EARLY,
        "entry 2 expires 365 days after it was made, at 2027-03-02T02:00:00Z"
      },
      {
        about(3, "2026-03-03T09:00:00", "r-1", CORRECT, 1, 0, "s-1"),
        Code.POINTS_OUT_OF_RANGE,
        "a correction with 0 points corrects nothing"
      },
    };
    for (Object[] c : cases) {
      CreditReplay r = CreditReplay.start(s, posts);
      base.forEach(r::accept);
      Entry e = (Entry) c[0];
      assertThat(r.check(e))
          .as("%s", e)
          .hasValueSatisfying(
              f -> {
                assertThat(f.code()).isEqualTo(c[1]);
                assertThat(f.reason()).contains((String) c[2]);
                assertThat(f.seq()).isEqualTo(e.seq());
              });
      assertThatThrownBy(() -> r.accept(e)).isInstanceOf(InvalidEntryException.class);
      assertThat(r.nextSeq()).isEqualTo(3); // nothing changed
    }
  }

  @Test
  void anEntryOfAVoidedEntryIsRefusedAndADecidedAppealIsNotReopened() {
    CreditReplay r = CreditReplay.start(SCHEME, ReplayOptions.defaults());
    r.accept(ruled(1, "2026-03-02T09:00:00", "r-1", DEDUCT, "D01", -5, "w-1"));
    r.accept(about(2, "2026-03-02T10:00:00", "r-1", APPEAL_FILED, 1, 0, "r-1"));
    assertThat(r.check(about(3, "2026-03-02T11:00:00", "r-1", APPEAL_FILED, 1, 0, "r-1")))
        .map(EntryRefusal::code)
        .contains(Code.APPEAL_OPEN);
    r.accept(about(3, "2026-03-02T11:00:00", "r-1", APPEAL_VOIDED, 1, 0, "s-1"));
    assertThat(r.check(about(4, "2026-03-02T12:00:00", "r-1", CORRECT, 1, 2, "s-1")))
        .hasValueSatisfying(
            f -> {
              assertThat(f.code()).isEqualTo(Code.ALREADY_VOID);
              assertThat(f.reason())
                  .isEqualTo("entry 1 already counts zero (voided on appeal by entry 3)");
            });
    assertThat(r.check(about(4, "2026-03-02T12:00:00", "r-1", APPEAL_VOIDED, 1, 0, "s-1")))
        .map(EntryRefusal::code)
        .contains(Code.NO_OPEN_APPEAL);
  }

  @Test
  void aReplayedFileReportsTheLineOfTheEntryThatBreaksARule() {
    List<Entry> e = new ArrayList<>(year().subList(0, 2));
    e.add(ruled(3, "2026-03-03T09:00:00", "r-1", DEDUCT, "D03", -5, "w-1"));
    EntryLog log = new EntryLog("ledger.jsonl", e, List.of(1, 2, 4));
    assertThatThrownBy(() -> CreditReplay.replay(SCHEME, log, ReplayOptions.defaults()))
        .isInstanceOf(InvalidEntryException.class)
        .hasMessage("ledger.jsonl:4: entry 3 (DEDUCT): unknown rule 'D03'; did you mean 'D01'?");
  }
}
