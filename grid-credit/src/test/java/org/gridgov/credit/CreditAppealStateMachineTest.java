package org.gridgov.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.credit.CreditFixtures.about;
import static org.gridgov.credit.CreditFixtures.at;
import static org.gridgov.credit.LedgerWorld.R1;
import static org.gridgov.credit.LedgerWorld.SEC;
import static org.gridgov.credit.LedgerWorld.VOL;
import static org.gridgov.credit.LedgerWorld.W1;
import static org.gridgov.credit.LedgerWorld.W3;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.gridgov.core.access.Principal;
import org.gridgov.credit.CreditLedger.Decision;
import org.gridgov.credit.EntryRefusal.Code;
import org.gridgov.credit.StatementLine.AppealStatus;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

/**
 * The appeal state machine: filed → (under review) → (escalated) → upheld | voided, every
 * transition an entry; worked examples across the National Day holiday, illegal transitions, and
 * random sequences of service calls.
 */
class CreditAppealStateMachineTest {
  private static final Optional<String> PHOTO = Optional.of("photo-1");
  private final MemoryLedgerStore store = new MemoryLedgerStore();
  private final MutableClock clock = new MutableClock(at("2026-09-30T09:00:00"));
  private final CreditLedger ledger = LedgerWorld.ledger(store, clock).build();

  private static Code refusal(LedgerResult r) {
    assertThat(r.isCommitted()).as("refused: %s", r).isFalse();
    return r.refusal().orElseThrow().code();
  }

  private StatementLine line(long seq) {
    return ledger.statement(R1, "r-1", clock.instant()).value().orElseThrow().statement().stream()
        .filter(l -> l.seq() == seq)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anAppealIsReviewedEscalatesAcrossTheHolidayAndIsDecidedByTheEscalatedLevel() {
    long d = ledger.deduct(W1, "r-1", "D01", -5, PHOTO).orElseThrow().seq();
    clock.set("2026-09-30T10:00:00"); // Wed before the National Day week
    long filed = ledger.fileAppeal(R1, d, Optional.of("letter")).orElseThrow().seq();
    clock.set("2026-10-08T09:00:00");
    Entry review = ledger.reviewAppeal(W3, d, Optional.of("file-9")).orElseThrow();
    assertThat(review.kind()).isEqualTo(EntryKind.APPEAL_REVIEW);
    assertThat(review.refersTo()).hasValue(d);
    assertThat(line(d).appeal()).isEqualTo(AppealStatus.UNDER_REVIEW);
    assertThat(refusal(ledger.decideAppeal(SEC, d, Decision.UPHELD, Optional.empty())))
        .as("the reviewer owns the appeal")
        .isEqualTo(Code.NOT_THE_REVIEWER);
    // 10 working days from Wed 09-30 10:00 across 10-01..07 off and the make-up Sat 10-10:
    // Tue 10-20 10:00 (02:00 UTC)
    clock.set("2026-10-20T10:00:00");
    assertThat(ledger.escalateOverdueAppeals(clock.instant())).as("not yet overdue").isEmpty();
    clock.set("2026-10-20T10:00:01");
    assertThat(ledger.overdueAppeals(clock.instant())).hasSize(1);
    List<LedgerResult> up = ledger.escalateOverdueAppeals(at("2026-12-31T00:00:00"));
    assertThat(up).hasSize(1);
    Entry esc = up.get(0).orElseThrow();
    assertThat(esc.kind()).isEqualTo(EntryKind.APPEAL_ESCALATED);
    assertThat(esc.by()).isEqualTo(CreditLedger.SYSTEM);
    assertThat(esc.evidence()).as("r-1 lives in g11, in community c1").contains("c1");
    assertThat(esc.at()).isEqualTo(at("2026-10-20T10:00:01"));
    assertThat(ledger.overdueAppeals(clock.instant())).as("escalated, no longer due").isEmpty();
    assertThat(ledger.escalateOverdueAppeals(clock.instant())).as("never twice").isEmpty();
    assertThat(refusal(ledger.reviewAppeal(W3, d, Optional.empty())))
        .isEqualTo(Code.APPEAL_ESCALATED);
    LedgerResult low = ledger.decideAppeal(W3, d, Decision.VOIDED, Optional.empty());
    assertThat(refusal(low)).isEqualTo(Code.APPEAL_ESCALATED);
    assertThat(low.refusal().orElseThrow().reason()).contains("escalated to c1");
    clock.set("2026-10-21T09:00:00");
    Entry decided =
        ledger.decideAppeal(SEC, d, Decision.VOIDED, Optional.of("ruling-3")).orElseThrow();
    StatementLine l = line(d);
    assertThat(l.appeal()).isEqualTo(AppealStatus.VOIDED);
    assertThat(l.history().stream().map(Entry::kind))
        .containsExactly(
            EntryKind.APPEAL_FILED,
            EntryKind.APPEAL_REVIEW,
            EntryKind.APPEAL_ESCALATED,
            EntryKind.APPEAL_VOIDED);
    assertThat(l.notes())
        .startsWith(
            "appealed by r-1 (entry " + filed + "), decide by 2026-10-20T02:00:00Z",
            "taken for review by w3 (entry " + review.seq() + ")",
            "not decided in time: escalated to c1 by system (entry " + esc.seq() + ")",
            "appeal upheld by sec (entry " + decided.seq() + "): voided, counts 0 from then");
    assertThat(l.counts()).isZero();
  }

  @Test
  void illegalTransitionsAreRefusedWithTheirCode() {
    long d = ledger.deduct(W1, "r-1", "D01", -5, PHOTO).orElseThrow().seq();
    assertThat(refusal(ledger.reviewAppeal(W3, d, Optional.empty())))
        .as("nothing filed")
        .isEqualTo(Code.NO_OPEN_APPEAL);
    ledger.fileAppeal(R1, d, Optional.empty()).orElseThrow();
    assertThat(refusal(ledger.reviewAppeal(W1, d, Optional.empty())))
        .isEqualTo(Code.REVIEWER_IS_RECOGNISER);
    assertThat(refusal(ledger.reviewAppeal(R1, d, Optional.empty()))).isEqualTo(Code.NO_ACCESS);
    ledger.reviewAppeal(W3, d, Optional.empty()).orElseThrow();
    LedgerResult twice = ledger.reviewAppeal(SEC, d, Optional.empty());
    assertThat(refusal(twice)).isEqualTo(Code.APPEAL_UNDER_REVIEW);
    assertThat(twice.refusal().orElseThrow().reason()).contains("already under review by w3");
    ledger.decideAppeal(W3, d, Decision.UPHELD, Optional.empty()).orElseThrow();
    assertThat(refusal(ledger.reviewAppeal(SEC, d, Optional.empty())))
        .as("review of a decided appeal")
        .isEqualTo(Code.NO_OPEN_APPEAL);
    // an appeal decided straight from filing, as before the review step existed
    long d2 = ledger.deduct(W1, "r-1", "D01", -5, PHOTO).orElseThrow().seq();
    ledger.fileAppeal(R1, d2, Optional.empty()).orElseThrow();
    assertThat(ledger.decideAppeal(SEC, d2, Decision.UPHELD, Optional.empty()).isCommitted())
        .isTrue();
  }

  @Test
  void theReplayRefusesEarlyAndDoubleEscalationsAndStepsWithoutAnAppeal() {
    CreditReplay r = CreditReplay.start(LedgerWorld.SCHEME, ReplayOptions.defaults());
    r.accept(
        CreditFixtures.ruled(1, "2026-03-02T09:00:00", "r-1", EntryKind.DEDUCT, "D01", -5, "w"));
    assertThat(
            check(
                r,
                about(2, "2026-03-30T09:00:00", "r-1", EntryKind.APPEAL_ESCALATED, 1, 0, "system")))
        .isEqualTo(Code.NO_OPEN_APPEAL);
    r.accept(about(2, "2026-03-02T10:00:00", "r-1", EntryKind.APPEAL_FILED, 1, 0, "r-1"));
    // 10 working days after Mon 03-02 10:00: Mon 03-16 10:00
    Entry early =
        about(3, "2026-03-16T10:00:00", "r-1", EntryKind.APPEAL_ESCALATED, 1, 0, "system");
    assertThat(check(r, early)).isEqualTo(Code.ESCALATION_TOO_EARLY);
    assertThat(r.check(early).orElseThrow().reason()).contains("until 2026-03-16T02:00:00Z");
    assertThat(check(r, about(3, "2026-03-16T10:00:00", "r-1", EntryKind.APPEAL_REVIEW, 1, 1, "w")))
        .as("no points on an appeal step")
        .isEqualTo(Code.POINTS_OUT_OF_RANGE);
    r.accept(about(3, "2026-03-16T10:00:01", "r-1", EntryKind.APPEAL_ESCALATED, 1, 0, "system"));
    assertThat(
            check(r, about(4, "2026-03-17T10:00:00", "r-1", EntryKind.APPEAL_ESCALATED, 1, 0, "x")))
        .isEqualTo(Code.APPEAL_ESCALATED);
    assertThat(check(r, about(4, "2026-03-17T10:00:00", "r-1", EntryKind.APPEAL_REVIEW, 1, 0, "x")))
        .isEqualTo(Code.APPEAL_ESCALATED);
    assertThat(check(r, about(4, "2026-03-17T10:00:00", "r-1", EntryKind.CORRECT, 3, 1, "x")))
        .isEqualTo(Code.NOT_APPLICABLE);
    r.accept(about(4, "2026-03-17T10:00:00", "r-1", EntryKind.APPEAL_UPHELD, 1, 0, "s"));
    assertThat(r.book().account("r-1").orElseThrow().openAppeals()).isZero();
  }

  private static Code check(CreditReplay r, Entry e) {
    return r.check(e).orElseThrow().code();
  }

  // ------------------------------------------------------------------ property

  Gen<List<Long>> calls() {
    return Gens.lists(Gens.longs(), 1, 40);
  }

  private static final Principal[] WHO = {R1, W1, W3, SEC, VOL};

  /**
   * Any sequence of service calls (deduct, file, review, decide, escalate, time passing) leaves
   * every appeal on a legal path of the state machine; every committed step is the one the model
   * allows, every refusal with a state-machine code is one the model forbids, and after {@code
   * escalateOverdueAppeals} nothing is overdue.
   */
  @Property(tries = 150)
  void anySequenceOfCallsKeepsTheStateMachineConsistent(@ForAll("calls") List<Long> calls) {
    MemoryLedgerStore s = new MemoryLedgerStore();
    MutableClock c = new MutableClock(at("2026-09-21T09:00:00"));
    CreditLedger l = LedgerWorld.ledger(s, c).build();
    Map<Long, AppealStatus> model = new HashMap<>();
    List<Long> deductions = new java.util.ArrayList<>();
    for (long call : calls) {
      Random rnd = new Random(call);
      c.advance(Duration.ofHours(rnd.nextInt(4) == 0 ? 24 + rnd.nextInt(120) : rnd.nextInt(5)));
      if (deductions.isEmpty() || rnd.nextInt(6) == 0) {
        LedgerResult r = l.deduct(W1, "r-1", "D01", -5, PHOTO);
        r.entry().ifPresent(e -> deductions.add(e.seq()));
        continue;
      }
      long d = deductions.get(rnd.nextInt(deductions.size()));
      AppealStatus before = model.getOrDefault(d, AppealStatus.NONE);
      Principal who = WHO[rnd.nextInt(WHO.length)];
      int op = rnd.nextInt(5);
      LedgerResult r;
      AppealStatus after;
      switch (op) {
        case 0 -> {
          r = l.fileAppeal(who, d, Optional.empty());
          after = AppealStatus.OPEN;
        }
        case 1 -> {
          r = l.reviewAppeal(who, d, Optional.empty());
          after = AppealStatus.UNDER_REVIEW;
        }
        case 2, 3 -> {
          Decision dec = op == 2 ? Decision.UPHELD : Decision.VOIDED;
          r = l.decideAppeal(who, d, dec, Optional.empty());
          after = op == 2 ? AppealStatus.UPHELD : AppealStatus.VOIDED;
        }
        default -> {
          List<LedgerResult> all = l.escalateOverdueAppeals(c.instant());
          for (LedgerResult e : all) {
            long target = e.orElseThrow().refersTo().getAsLong();
            AppealStatus was = model.getOrDefault(target, AppealStatus.NONE);
            assertThat(was).isIn(AppealStatus.OPEN, AppealStatus.UNDER_REVIEW);
            model.put(target, AppealStatus.ESCALATED);
          }
          assertThat(l.overdueAppeals(c.instant())).isEmpty();
          continue;
        }
      }
      boolean legal =
          switch (after) {
            case OPEN -> before == AppealStatus.NONE;
            case UNDER_REVIEW -> before == AppealStatus.OPEN;
            default -> before.undecided();
          };
      if (r.isCommitted()) {
        assertThat(legal).as("%s -> %s committed", before, after).isTrue();
        model.put(d, after);
      } else {
        Code code = r.refusal().orElseThrow().code();
        if (code == Code.APPEAL_OPEN
            || code == Code.APPEAL_DECIDED
            || code == Code.NO_OPEN_APPEAL
            || code == Code.APPEAL_UNDER_REVIEW) {
          assertThat(legal).as("%s -> %s refused %s", before, after, code).isFalse();
        }
      }
    }
    // the replayed statement agrees with the model, transition by transition
    CreditBook book =
        CreditReplay.replay(
            LedgerWorld.SCHEME,
            s.entries(),
            new ReplayOptions(LedgerWorld.nationalDay(), Optional.empty(), Optional.empty()));
    book.account("r-1")
        .ifPresent(
            a -> {
              long open = 0;
              for (StatementLine line : a.statement()) {
                if (line.kind() == EntryKind.DEDUCT) {
                  AppealStatus m = model.getOrDefault(line.seq(), AppealStatus.NONE);
                  assertThat(line.appeal()).isEqualTo(m);
                  open += m.undecided() ? 1 : 0;
                  assertPath(line.history());
                }
              }
              assertThat(a.openAppeals()).isEqualTo(open);
            });
  }

  /** The appeal steps of one entry follow filed, (review), (escalated), decision. */
  private static void assertPath(List<Entry> history) {
    int rank = 0;
    for (Entry h : history) {
      int next =
          switch (h.kind()) {
            case APPEAL_FILED -> 1;
            case APPEAL_REVIEW -> 2;
            case APPEAL_ESCALATED -> 3;
            case APPEAL_UPHELD, APPEAL_VOIDED -> 4;
            default -> rank;
          };
      if (next != rank) {
        assertThat(next).as("step %s after rank %s", h.kind(), rank).isGreaterThan(rank);
        assertThat(rank == 0 ? next == 1 : true).isTrue();
        rank = next;
      }
    }
  }
}
