package org.gridgov.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the replay over random valid ledgers: each random move proposes an entry of any
 * kind, and {@link CreditReplay#check} keeps only those the scheme allows.
 */
class CreditPropertiesTest {
  /** The test scheme with short waiting periods, so that repairs and expiries happen. */
  static final CreditScheme SCHEME = shortened(CreditFixtures.scheme());

  private static final ReplayOptions OPTIONS = ReplayOptions.defaults();

  private static CreditScheme shortened(CreditScheme s) {
    List<PointRule> rules = new ArrayList<>();
    for (PointRule r : s.rules()) {
      rules.add(
          new PointRule(
              r.code(),
              r.name(),
              r.min(),
              r.max(),
              r.recognisedBy(),
              r.expiresAfterDays().isPresent() ? OptionalInt.of(6) : OptionalInt.empty(),
              r.capPerMonth(),
              r.repairable(),
              r.repairable() ? 2 : 0,
              r.basis()));
    }
    // a short review deadline, so that appeals escalate
    return new CreditScheme(
        s.from(),
        s.to(),
        s.start(),
        s.floor(),
        rules,
        s.levels(),
        new AppealWindows(s.appeal().fileWithin(), TimeLimit.workingHours(8)));
  }

  Gen<List<Long>> moves() {
    return Gens.lists(Gens.longs(), 0, 60);
  }

  /** Builds a valid ledger from random moves. */
  static List<Entry> ledger(List<Long> moves) {
    CreditReplay r = CreditReplay.start(SCHEME, OPTIONS);
    List<Entry> out = new ArrayList<>();
    Instant t = CreditFixtures.at("2026-01-05T09:00:00");
    for (long m : moves) {
      Random rnd = new Random(m);
      t =
          t.plus(
              rnd.nextInt(4) == 0
                  ? Duration.ofHours(1 + rnd.nextInt(72))
                  : Duration.ofMinutes(1 + rnd.nextInt(240)));
      String res = "r-" + rnd.nextInt(3);
      Entry e = candidate(rnd, out.size() + 1L, t, res, out);
      if (r.check(e).isEmpty()) {
        r.accept(e);
        out.add(e);
      }
    }
    return out;
  }

  private static Entry candidate(Random rnd, long seq, Instant t, String res, List<Entry> done) {
    int kind = rnd.nextInt(11);
    if (kind >= 3 && done.isEmpty()) {
      kind = 0;
    }
    Optional<String> none = Optional.empty();
    OptionalLong noRef = OptionalLong.empty();
    switch (kind) {
      case 0:
        return rnd.nextBoolean()
            ? new Entry(seq, t, res, EntryKind.RECOGNISE, Optional.of("V01"), 2, "w-1", noRef, none)
            : new Entry(
                seq,
                t,
                res,
                EntryKind.RECOGNISE,
                Optional.of("G02"),
                5 + rnd.nextInt(16),
                "w-1",
                noRef,
                none);
      case 1:
        return rnd.nextBoolean()
            ? new Entry(seq, t, res, EntryKind.DEDUCT, Optional.of("D01"), -5, "w-1", noRef, none)
            : new Entry(
                seq,
                t,
                res,
                EntryKind.DEDUCT,
                Optional.of("D02"),
                -10 - rnd.nextInt(41),
                "s-1",
                noRef,
                none);
      case 2:
        return new Entry(
            seq, t, res, EntryKind.REDEEM, none, -1 - rnd.nextInt(60), "shop", noRef, none);
      default:
        // refer to a recent entry, usually of the same resident
        Entry target =
            done.get(Math.max(0, done.size() - 1 - rnd.nextInt(Math.min(8, done.size()))));
        EntryKind k =
            switch (kind) {
              case 3 -> EntryKind.APPEAL_FILED;
              case 4 -> EntryKind.APPEAL_UPHELD;
              case 5 -> EntryKind.APPEAL_VOIDED;
              case 6 -> EntryKind.REPAIR;
              case 7 -> EntryKind.EXPIRE;
              case 9 -> EntryKind.APPEAL_REVIEW;
              case 10 -> EntryKind.APPEAL_ESCALATED;
              default -> EntryKind.CORRECT;
            };
        long points =
            switch (k) {
              case REPAIR -> rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(5);
              case CORRECT -> rnd.nextBoolean() ? -1 - rnd.nextInt(10) : 1 + rnd.nextInt(10);
              default -> 0;
            };
        return new Entry(
            seq, t, target.resident(), k, none, points, "s-1", OptionalLong.of(target.seq()), none);
    }
  }

  @Property(tries = 200)
  void balanceIsStartPlusWhatEveryEntryCounts(@ForAll("moves") List<Long> moves) {
    List<Entry> ledger = ledger(moves);
    CreditBook book = CreditReplay.replay(SCHEME, ledger, OPTIONS);
    assertThat(book.entries()).isEqualTo(ledger.size());
    long entries = 0;
    for (CreditAccount a : book.accounts()) {
      long sum = SCHEME.start();
      for (StatementLine l : a.statement()) {
        sum += l.counts();
      }
      assertThat(a.balance()).isEqualTo(sum);
      assertThat(a.level()).isEqualTo(SCHEME.levelOf(a.balance()).name());
      entries += a.entries();
    }
    assertThat(entries).isEqualTo(ledger.size());
  }

  @Property(tries = 100)
  void replayingAnyPrefixGivesTheStatementAsOfThen(@ForAll("moves") List<Long> moves) {
    List<Entry> ledger = ledger(moves);
    for (int k = 1; k <= ledger.size(); k++) {
      CreditBook prefix = CreditReplay.replay(SCHEME, ledger.subList(0, k), OPTIONS);
      CreditBook asOf =
          CreditReplay.replay(SCHEME, ledger, OPTIONS.withAsOf(ledger.get(k - 1).at()));
      assertThat(asOf).isEqualTo(prefix);
    }
  }

  @Property(tries = 200)
  void aVoidedAppealRestoresExactlyThePointsTheEntryCounted(@ForAll("moves") List<Long> moves) {
    List<Entry> ledger = ledger(moves);
    for (int k = 0; k < ledger.size(); k++) {
      Entry v = ledger.get(k);
      if (v.kind() != EntryKind.APPEAL_VOIDED) {
        continue;
      }
      CreditAccount before =
          CreditReplay.replay(SCHEME, ledger.subList(0, k), OPTIONS)
              .account(v.resident())
              .orElseThrow();
      CreditAccount after =
          CreditReplay.replay(SCHEME, ledger.subList(0, k + 1), OPTIONS)
              .account(v.resident())
              .orElseThrow();
      // the voided entry and the repairs and corrections that concern it, transitively
      Set<Long> gone = new HashSet<>(List.of(v.refersTo().getAsLong()));
      long counted = 0;
      for (StatementLine l : before.statement()) {
        if (gone.contains(l.seq())
            || (l.refersTo().isPresent()
                && gone.contains(l.refersTo().getAsLong())
                && (l.kind() == EntryKind.REPAIR || l.kind() == EntryKind.CORRECT))) {
          gone.add(l.seq());
          counted += l.counts();
        }
      }
      assertThat(after.balance()).isEqualTo(before.balance() - counted);
      StatementLine voided =
          after.statement().stream()
              .filter(l -> l.seq() == v.refersTo().getAsLong())
              .findFirst()
              .orElseThrow();
      assertThat(voided.counts()).isZero();
      if (voided.kind() == EntryKind.DEDUCT && counted == voided.points()) {
        assertThat(after.balance()).isEqualTo(before.balance() - voided.points());
      }
    }
  }

  @Property(tries = 200)
  void noValidLedgerTakesABalanceBelowTheFloor(@ForAll("moves") List<Long> moves) {
    List<Entry> ledger = ledger(moves);
    CreditReplay r = CreditReplay.start(SCHEME, OPTIONS);
    for (Entry e : ledger) {
      r.accept(e);
      assertThat(r.balance(e.resident())).isGreaterThanOrEqualTo(SCHEME.floor().getAsLong());
    }
  }

  /**
   * A guard on the other properties: the generator reaches every kind of entry. Deterministic
   * (fixed seeds), since whether random moves happen to reach a rare kind is not a property of the
   * code.
   */
  @Test
  void theGeneratorMakesEveryKindOfEntry() {
    Set<EntryKind> kinds = new HashSet<>();
    for (long seed = 0; seed < 40; seed++) {
      Random rnd = new Random(seed);
      List<Long> moves = new ArrayList<>();
      for (int j = 0; j < 120; j++) {
        moves.add(rnd.nextLong());
      }
      ledger(moves).forEach(e -> kinds.add(e.kind()));
    }
    assertThat(kinds).containsExactlyInAnyOrder(EntryKind.values());
  }
}
