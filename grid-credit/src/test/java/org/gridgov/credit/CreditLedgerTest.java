package org.gridgov.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.credit.CreditFixtures.at;
import static org.gridgov.credit.LedgerWorld.R1;
import static org.gridgov.credit.LedgerWorld.SEC;
import static org.gridgov.credit.LedgerWorld.VOL;
import static org.gridgov.credit.LedgerWorld.W1;
import static org.gridgov.credit.LedgerWorld.W2;
import static org.gridgov.credit.LedgerWorld.W3;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.GridId;
import org.gridgov.core.access.Principal;
import org.gridgov.core.access.Role;
import org.gridgov.credit.CreditLedger.Decision;
import org.gridgov.credit.EntryRefusal.Code;
import org.junit.jupiter.api.Test;

/** Worked examples of every write of the ledger service and every refusal. */
class CreditLedgerTest {
  private final MemoryLedgerStore store = new MemoryLedgerStore();
  private final MutableClock clock = new MutableClock(at("2026-03-02T09:00:00"));
  private final CreditLedger ledger = LedgerWorld.ledger(store, clock).build();

  private static final Optional<String> PHOTO = Optional.of("photo-1");

  private long balance(String resident) {
    return ledger
        .statement(
            Principal.of(resident, CreditPrivacy.RESIDENT, GridId.of("g11")),
            resident,
            clock.instant())
        .value()
        .orElseThrow()
        .balance();
  }

  private static Code refusal(LedgerResult r) {
    assertThat(r.isCommitted()).as("refused: %s", r).isFalse();
    return r.refusal().orElseThrow().code();
  }

  @Test
  void aRecognitionIsCommittedWithTheRecogniserTheClockAndTheEvidence() {
    LedgerResult r = ledger.recognise(W1, "r-1", "G02", 12, PHOTO);
    Entry e = r.orElseThrow();
    assertThat(e.seq()).isEqualTo(1);
    assertThat(e.at()).isEqualTo(at("2026-03-02T09:00:00"));
    assertThat(e.kind()).isEqualTo(EntryKind.RECOGNISE);
    assertThat(e.rule()).contains("G02");
    assertThat(e.points()).isEqualTo(12);
    assertThat(e.by()).isEqualTo("w1");
    assertThat(e.evidence()).isEqualTo(PHOTO);
    assertThat(store.entries()).containsExactly(e);
    assertThat(balance("r-1")).isEqualTo(112);
    LedgerResult d = ledger.deduct(W1, "r-1", "D01", -5, PHOTO);
    assertThat(d.orElseThrow().kind()).isEqualTo(EntryKind.DEDUCT);
    assertThat(balance("r-1")).isEqualTo(107);
  }

  @Test
  void whoMayRecogniseIsCheckedAgainstTheResidentsGridAndThePostsTheRuleNames() {
    assertThat(refusal(ledger.recognise(W2, "r-1", "G02", 10, PHOTO))).isEqualTo(Code.NO_ACCESS);
    assertThat(ledger.recognise(W2, "r-1", "G02", 10, PHOTO).refusal().orElseThrow().reason())
        .contains("r-1 lives in grid g11")
        .contains("outside");
    Principal auditor = Principal.of("w1", Role.SUPERVISOR, GridId.of("street"));
    assertThat(refusal(ledger.recognise(auditor, "r-1", "G02", 10, PHOTO)))
        .as("a role that only reads")
        .isEqualTo(Code.NO_ACCESS);
    // vol acts over the whole street but holds only VOLUNTEER_LEAD: V01 yes, G02 no
    assertThat(ledger.recognise(VOL, "r-1", "V01", 2, Optional.empty()).isCommitted()).isTrue();
    LedgerResult g = ledger.recognise(VOL, "r-1", "G02", 10, PHOTO);
    assertThat(refusal(g)).isEqualTo(Code.NO_POST);
    assertThat(g.refusal().orElseThrow().reason())
        .isEqualTo(
            "vol holds none of the posts that may apply rule G02 [GRID_WORKER]"
                + " (holds [VOLUNTEER_LEAD])");
    // D02 needs a community secretary
    assertThat(refusal(ledger.deduct(W1, "r-1", "D02", -20, PHOTO))).isEqualTo(Code.NO_POST);
    assertThat(ledger.deduct(SEC, "r-2", "D02", -20, PHOTO).isCommitted()).isTrue();
    LedgerResult ghost = ledger.recognise(W1, "r-11", "G02", 10, PHOTO);
    assertThat(refusal(ghost)).isEqualTo(Code.UNKNOWN_RESIDENT);
    assertThat(ghost.refusal().orElseThrow().reason()).contains("did you mean");
    assertThat(store.entries()).hasSize(2);
  }

  @Test
  void theRuleItsPointsItsEvidenceAndTheSchemesDatesAreChecked() {
    LedgerResult unknown = ledger.recognise(W1, "r-1", "G2", 10, PHOTO);
    assertThat(refusal(unknown)).isEqualTo(Code.UNKNOWN_RULE);
    assertThat(unknown.refusal().orElseThrow().reason()).contains("'G02'");
    assertThat(refusal(ledger.recognise(W1, "r-1", "G02", 21, PHOTO)))
        .isEqualTo(Code.POINTS_OUT_OF_RANGE);
    assertThat(refusal(ledger.recognise(W1, "r-1", "G02", 4, PHOTO)))
        .isEqualTo(Code.POINTS_OUT_OF_RANGE);
    assertThat(refusal(ledger.deduct(W1, "r-1", "D01", -6, PHOTO)))
        .isEqualTo(Code.POINTS_OUT_OF_RANGE);
    assertThat(refusal(ledger.recognise(W1, "r-1", "D01", -5, PHOTO))).isEqualTo(Code.WRONG_KIND);
    LedgerResult bare = ledger.deduct(W1, "r-1", "D01", -5, Optional.empty());
    assertThat(refusal(bare)).isEqualTo(Code.EVIDENCE_MISSING);
    assertThat(refusal(ledger.deduct(W1, "r-1", "D01", -5, Optional.of(" "))))
        .isEqualTo(Code.EVIDENCE_MISSING);
    assertThat(ledger.recognise(W1, "r-1", "G02", 5, Optional.empty()).isCommitted())
        .as("rewards need no evidence unless configured")
        .isTrue();
    clock.set("2027-01-02T09:00:00");
    assertThat(refusal(ledger.recognise(W1, "r-1", "G02", 10, PHOTO))).isEqualTo(Code.NOT_IN_FORCE);
    assertThat(store.entries()).hasSize(1);
  }

  @Test
  void evidenceCanBeRequiredForRewardsAndUnknownRulesAreNamed() {
    CreditLedger strict =
        LedgerWorld.ledger(new MemoryLedgerStore(), clock).requireEvidence("G02").build();
    assertThat(refusal(strict.recognise(W1, "r-1", "G02", 5, Optional.empty())))
        .isEqualTo(Code.EVIDENCE_MISSING);
    assertThat(strict.recognise(W1, "r-1", "V01", 2, Optional.empty()).isCommitted()).isTrue();
    assertThatThrownBy(() -> LedgerWorld.ledger(store, clock).requireEvidence("G2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("G2")
        .hasMessageContaining("did you mean");
  }

  @Test
  void theMonthsCapRefusesTheRecognitionThatWouldBreakItAndANewMonthStartsAfresh() {
    for (int i = 0; i < 5; i++) {
      assertThat(ledger.recognise(W1, "r-1", "V01", 2, Optional.empty()).isCommitted()).isTrue();
      clock.advance(Duration.ofHours(1));
    }
    LedgerResult sixth = ledger.recognise(W1, "r-1", "V01", 2, Optional.empty());
    assertThat(refusal(sixth)).isEqualTo(Code.OVER_CAP);
    assertThat(sixth.refusal().orElseThrow().reason())
        .contains("capped at 10")
        .contains("has 10 in 2026-03");
    assertThat(ledger.recognise(VOL, "r-2", "V01", 2, Optional.empty()).isCommitted())
        .as("the cap is per resident")
        .isTrue();
    clock.set("2026-04-01T09:00:00");
    assertThat(ledger.recognise(W1, "r-1", "V01", 2, Optional.empty()).isCommitted()).isTrue();
    assertThat(balance("r-1")).isEqualTo(112);
  }

  @Test
  void aRedemptionNeverTakesTheBalanceBelowTheFloor() {
    Principal clerk = Principal.of("w1", Role.PLATFORM_STAFF, GridId.of("c1"));
    assertThat(ledger.redeem(clerk, "r-1", 60, Optional.of("voucher-7")).orElseThrow().points())
        .isEqualTo(-60);
    LedgerResult over = ledger.redeem(clerk, "r-1", 41, Optional.empty());
    assertThat(refusal(over)).isEqualTo(Code.BELOW_FLOOR);
    assertThat(over.refusal().orElseThrow().reason())
        .isEqualTo("would take the balance of r-1 from 40 to -1, below the floor 0");
    assertThat(ledger.redeem(clerk, "r-1", 40, Optional.empty()).isCommitted()).isTrue();
    assertThat(balance("r-1")).isZero();
    assertThat(refusal(ledger.redeem(W2, "r-1", 1, Optional.empty()))).isEqualTo(Code.NO_ACCESS);
    assertThatThrownBy(() -> ledger.redeem(clerk, "r-1", 0, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
    // a deduction may not break the floor either
    assertThat(refusal(ledger.deduct(W1, "r-1", "D01", -5, PHOTO))).isEqualTo(Code.BELOW_FLOOR);
  }

  @Test
  void anAppealIsFiledByTheResidentOrForThemAndDecidedBySomeoneElse() {
    long d = ledger.deduct(W1, "r-1", "D01", -5, PHOTO).orElseThrow().seq();
    assertThat(refusal(ledger.fileAppeal(W2, d, Optional.empty()))).isEqualTo(Code.NO_ACCESS);
    assertThat(refusal(ledger.fileAppeal(R1, 9, Optional.empty()))).isEqualTo(Code.UNKNOWN_ENTRY);
    clock.advance(Duration.ofHours(1));
    Entry filed = ledger.fileAppeal(R1, d, Optional.of("letter-1")).orElseThrow();
    assertThat(filed.kind()).isEqualTo(EntryKind.APPEAL_FILED);
    assertThat(filed.refersTo()).hasValue(d);
    assertThat(filed.by()).isEqualTo("r-1");
    assertThat(refusal(ledger.fileAppeal(W3, d, Optional.empty()))).isEqualTo(Code.APPEAL_OPEN);
    assertThat(refusal(ledger.decideAppeal(W1, d, Decision.VOIDED, Optional.empty())))
        .isEqualTo(Code.REVIEWER_IS_RECOGNISER);
    assertThat(refusal(ledger.decideAppeal(R1, d, Decision.VOIDED, Optional.empty())))
        .isEqualTo(Code.NO_ACCESS);
    assertThat(refusal(ledger.decideAppeal(W2, d, Decision.VOIDED, Optional.empty())))
        .isEqualTo(Code.NO_ACCESS);
    assertThat(balance("r-1")).isEqualTo(95);
    Entry voided =
        ledger.decideAppeal(W3, d, Decision.VOIDED, Optional.of("ruling-1")).orElseThrow();
    assertThat(voided.kind()).isEqualTo(EntryKind.APPEAL_VOIDED);
    assertThat(balance("r-1")).as("the voided deduction counts zero").isEqualTo(100);
    assertThat(refusal(ledger.decideAppeal(W3, d, Decision.UPHELD, Optional.empty())))
        .isEqualTo(Code.NO_OPEN_APPEAL);
    StatementLine line =
        ledger.statement(R1, "r-1", clock.instant()).value().orElseThrow().statement().get(0);
    assertThat(line.appeal()).isEqualTo(StatementLine.AppealStatus.VOIDED);
    assertThat(line.history()).containsExactly(filed, voided);
  }

  @Test
  void aGridWorkerMayFileForTheResidentAndAnUpheldAppealLetsTheEntryStand() {
    long d = ledger.deduct(W1, "r-1", "D01", -5, PHOTO).orElseThrow().seq();
    assertThat(ledger.fileAppeal(W3, d, Optional.empty()).orElseThrow().by()).isEqualTo("w3");
    assertThat(ledger.decideAppeal(SEC, d, Decision.UPHELD, Optional.empty()).isCommitted())
        .isTrue();
    assertThat(balance("r-1")).isEqualTo(95);
    assertThat(refusal(ledger.fileAppeal(R1, d, Optional.empty())))
        .as("one appeal per entry")
        .isEqualTo(Code.APPEAL_DECIDED);
  }

  @Test
  void theFilingWindowCountsWorkingDaysAcrossTheHolidayAndTheMakeUpDay() {
    // Deduction Wed 2026-09-30 10:00; 5 working days: 6.5 h that day, 10-01..07 off, Thu 10-08,
    // Fri 10-09, Sat 10-10 (make-up day), Mon 10-12 = 38.5 h; the 40th hour ends Tue 10-13 10:00.
    clock.set("2026-09-30T10:00:00");
    long d = ledger.deduct(W1, "r-1", "D01", -5, PHOTO).orElseThrow().seq();
    clock.set("2026-10-13T10:00:01");
    LedgerResult late = ledger.fileAppeal(R1, d, Optional.empty());
    assertThat(refusal(late)).isEqualTo(Code.APPEAL_WINDOW_CLOSED);
    assertThat(late.refusal().orElseThrow().reason()).contains("closed at 2026-10-13T02:00:00Z");
    clock.set("2026-10-13T10:00:00");
    assertThat(ledger.fileAppeal(R1, d, Optional.empty()).isCommitted()).isTrue();
  }

  @Test
  void anAppealNotDecidedByItsReviewDeadlineIsReportedOverdueAndMayStillBeDecided() {
    // Filed Wed 09-30 10:00; 10 working days across the holiday and the make-up Saturday end
    // Tue 10-20 at 10:00 (02:00 UTC).
    clock.set("2026-09-30T09:00:00");
    long d = ledger.deduct(W1, "r-1", "D01", -5, PHOTO).orElseThrow().seq();
    clock.set("2026-09-30T10:00:00");
    long a = ledger.fileAppeal(R1, d, Optional.empty()).orElseThrow().seq();
    assertThat(ledger.overdueAppeals(at("2026-10-20T10:00:00"))).isEmpty();
    assertThat(ledger.overdueAppeals(at("2026-10-20T10:00:01")))
        .containsExactly(
            new OverdueAppeal("r-1", d, a, at("2026-09-30T10:00:00"), at("2026-10-20T10:00:00")));
    assertThat(ledger.overdueAppeals(at("2026-09-30T09:30:00"))).as("not filed yet then").isEmpty();
    clock.set("2026-10-21T09:00:00");
    assertThat(ledger.decideAppeal(W3, d, Decision.UPHELD, Optional.empty()).isCommitted())
        .isTrue();
    assertThat(ledger.overdueAppeals(at("2026-10-22T09:00:00"))).isEmpty();
    assertThat(ledger.overdueAppeals(at("2026-10-21T08:00:00")))
        .as("as of before the decision it was overdue")
        .hasSize(1);
  }

  @Test
  void aRepairNeedsARepairableRuleItsWaitingPeriodAndNoNewDeductionMeanwhile() {
    long a = ledger.deduct(W1, "r-1", "D01", -5, PHOTO).orElseThrow().seq(); // Mon 03-02
    long big = ledger.deduct(SEC, "r-1", "D02", -10, PHOTO).orElseThrow().seq();
    clock.set("2026-03-20T09:00:00");
    assertThat(refusal(ledger.repair(W1, a, 0, Optional.empty())))
        .as("30 days after the deduction at the earliest")
        .isEqualTo(Code.REPAIR_TOO_EARLY);
    long b = ledger.deduct(W1, "r-1", "D01", -5, PHOTO).orElseThrow().seq(); // 03-20
    clock.set("2026-04-18T09:00:00");
    LedgerResult blocked = ledger.repair(W1, a, 0, Optional.empty());
    assertThat(refusal(blocked)).isEqualTo(Code.REPAIR_TOO_EARLY);
    assertThat(blocked.refusal().orElseThrow().reason())
        .isEqualTo(
            "rule D01 needs 30 days without new deductions; deduction "
                + b
                + " was made on 2026-03-20");
    assertThat(refusal(ledger.repair(W1, big, 0, Optional.empty()))).isEqualTo(Code.NOT_REPAIRABLE);
    assertThat(refusal(ledger.repair(W2, a, 0, Optional.empty()))).isEqualTo(Code.NO_ACCESS);
    assertThat(refusal(ledger.repair(VOL, a, 0, Optional.empty()))).isEqualTo(Code.NO_POST);
    clock.set("2026-04-19T09:00:00");
    assertThat(balance("r-1")).isEqualTo(80);
    Entry part = ledger.repair(W1, a, 2, Optional.of("volunteer-hours-12")).orElseThrow();
    assertThat(part.kind()).isEqualTo(EntryKind.REPAIR);
    assertThat(balance("r-1")).isEqualTo(82);
    assertThat(ledger.repair(W1, a, 0, Optional.empty()).isCommitted()).isTrue();
    assertThat(balance("r-1")).as("the rest restored").isEqualTo(85);
    assertThat(refusal(ledger.repair(W1, a, 0, Optional.empty()))).isEqualTo(Code.REPAIR_TOO_MUCH);
  }

  @Test
  void aDeductionVoidedOnAppealDoesNotRestartTheWaitingPeriod() {
    long a = ledger.deduct(W1, "r-1", "D01", -5, PHOTO).orElseThrow().seq(); // 03-02
    clock.set("2026-03-20T09:00:00");
    long b = ledger.deduct(W1, "r-1", "D01", -5, PHOTO).orElseThrow().seq();
    ledger.fileAppeal(R1, b, Optional.empty()).orElseThrow();
    ledger.decideAppeal(W3, b, Decision.VOIDED, Optional.empty()).orElseThrow();
    clock.set("2026-04-01T09:00:00");
    assertThat(ledger.repair(W1, a, 0, Optional.empty()).isCommitted()).isTrue();
    assertThat(balance("r-1")).isEqualTo(100);
  }

  @Test
  void expireDueWritesAnExpiryForEveryRecognitionAndDeductionWhoseTimeIsOver() {
    clock.set("2026-01-05T09:00:00");
    long g = ledger.recognise(W1, "r-1", "G02", 10, PHOTO).orElseThrow().seq();
    clock.set("2026-01-06T09:00:00");
    long d = ledger.deduct(W1, "r-1", "D01", -5, PHOTO).orElseThrow().seq();
    ledger.recognise(W1, "r-1", "V01", 2, Optional.empty()).orElseThrow(); // never expires
    clock.set("2026-07-05T08:59:59");
    assertThat(ledger.expireDue(clock.instant())).as("180 days not over").isEmpty();
    clock.set("2026-07-05T09:00:00");
    List<LedgerResult> first = ledger.expireDue(at("2026-12-31T00:00:00"));
    assertThat(first).hasSize(1);
    Entry x = first.get(0).orElseThrow();
    assertThat(x.kind()).isEqualTo(EntryKind.EXPIRE);
    assertThat(x.refersTo()).hasValue(d);
    assertThat(x.by()).isEqualTo(CreditLedger.SYSTEM);
    assertThat(x.at()).isEqualTo(at("2026-07-05T09:00:00"));
    assertThat(balance("r-1")).isEqualTo(112);
    assertThat(ledger.expireDue(clock.instant())).as("nothing twice").isEmpty();
    clock.set("2027-01-06T09:00:00");
    List<LedgerResult> second = ledger.expireDue(clock.instant());
    assertThat(second).hasSize(1);
    assertThat(second.get(0).orElseThrow().refersTo()).hasValue(g);
    assertThat(balance("r-1")).isEqualTo(102);
  }

  @Test
  void entriesNeverGoBackInTimeWhenTheClockDoes() {
    clock.set("2026-03-10T09:00:00");
    Entry first = ledger.recognise(W1, "r-1", "G02", 10, PHOTO).orElseThrow();
    clock.set("2026-03-09T09:00:00");
    Entry second = ledger.recognise(W1, "r-1", "G02", 10, PHOTO).orElseThrow();
    assertThat(second.at()).isEqualTo(first.at());
  }

  @Test
  void aNewServiceOverAStoreReplaysWhatWasCommitted() {
    ledger.recognise(W1, "r-1", "G02", 10, PHOTO).orElseThrow();
    ledger.deduct(W1, "r-1", "D01", -5, PHOTO).orElseThrow();
    CreditLedger again = LedgerWorld.ledger(store, clock).build();
    assertThat(again.recognise(W1, "r-1", "G02", 10, PHOTO).orElseThrow().seq()).isEqualTo(3);
    // the first service sees the entry the second one wrote
    assertThat(ledger.recognise(W1, "r-1", "G02", 10, PHOTO).orElseThrow().seq()).isEqualTo(4);
    assertThat(balance("r-1")).isEqualTo(125);
  }

  @Test
  void theBuilderNamesWhatIsMissing() {
    assertThatThrownBy(() -> CreditLedger.builder(store, LedgerWorld.SCHEME).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("posts");
    assertThatThrownBy(() -> LedgerWorld.ledger(store, clock).maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
