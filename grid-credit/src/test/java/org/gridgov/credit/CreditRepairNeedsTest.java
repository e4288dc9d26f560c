package org.gridgov.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.credit.CreditFixtures.at;
import static org.gridgov.credit.LedgerWorld.R1;
import static org.gridgov.credit.LedgerWorld.VOL;
import static org.gridgov.credit.LedgerWorld.W1;
import static org.gridgov.credit.LedgerWorld.W3;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.gridgov.core.InvalidInputException;
import org.gridgov.credit.CreditLedger.Decision;
import org.gridgov.credit.EntryRefusal.Code;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repair conditions beyond the waiting period ({@code repairNeeds}: volunteering since the
 * deduction) and partial repairs ({@code repairPercent}), in the scheme, the replay and the ledger.
 */
class CreditRepairNeedsTest {
  /** The fixture scheme plus D03: repairable after 30 days, 6 points of V01, at most 60 %. */
  static final String SCHEME_JSON =
      CreditFixtures.SCHEME_JSON.replace(
          "\"basis\":\"Credit measures art. 13\"}]",
          "\"basis\":\"Credit measures art. 13\"},\n"
              + "  {\"code\":\"D03\",\"name\":\"Noise at night\",\"points\":-10,"
              + "\"recognisedBy\":[\"GRID_WORKER\"],\"repairable\":true,\"repairAfterDays\":30,"
              + "\"repairNeeds\":{\"rules\":[\"V01\"],\"points\":6},\"repairPercent\":60,"
              + "\"basis\":\"Credit measures art. 14\"}]");

  static final CreditScheme SCHEME = read(SCHEME_JSON);

  private static CreditScheme read(String json) {
    return CreditSchemes.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "scheme.json");
  }

  private static List<String> problems(String json) {
    try {
      read(json);
    } catch (InvalidInputException e) {
      return e.problems().errors().stream()
          .map(f -> f.location().orElseThrow().render() + ": " + f.message())
          .toList();
    }
    throw new AssertionError("no error");
  }

  private final MutableClock clock = new MutableClock(at("2026-03-02T09:00:00"));
  private final MemoryLedgerStore store = new MemoryLedgerStore();
  private final CreditLedger ledger =
      CreditLedger.builder(store, SCHEME)
          .calendar(LedgerWorld.nationalDay())
          .posts(LedgerWorld.POSTS)
          .grids(LedgerWorld.GRIDS)
          .residents(LedgerWorld.RESIDENTS)
          .clock(clock)
          .build();

  private long balance() {
    return ledger.statement(R1, "r-1", clock.instant()).value().orElseThrow().balance();
  }

  @Test
  void theNewMembersAreReadAndWrittenBackAndOldRulesKeepTheirDefaults(@TempDir Path dir) {
    PointRule d03 = SCHEME.rule("D03").orElseThrow();
    assertThat(d03.repairNeeds()).hasValue(new PointRule.RepairNeeds(List.of("V01"), 6));
    assertThat(d03.repairPercent()).isEqualTo(60);
    assertThat(d03.repairLimit(-10)).isEqualTo(6);
    PointRule d01 = SCHEME.rule("D01").orElseThrow();
    assertThat(d01.repairNeeds()).isEmpty();
    assertThat(d01.repairPercent()).isEqualTo(100);
    assertThat(d01.repairLimit(-5)).isEqualTo(5);
    Path f = dir.resolve("s.json");
    CreditSchemes.write(SCHEME, f);
    assertThat(CreditSchemes.read(f)).isEqualTo(SCHEME);
    // an old scheme writes back without the new members
    CreditSchemes.write(CreditFixtures.scheme(), f);
    assertThat(f).content().doesNotContain("repairNeeds").doesNotContain("repairPercent");
  }

  @Test
  void badRepairNeedsAreLocatedWithDidYouMean() {
    assertThat(problems(SCHEME_JSON.replace("\"rules\":[\"V01\"]", "\"rules\":[\"V1\"]")))
        .containsExactly(
            "scheme.json:15:148: /rules/4/repairNeeds/rules/0: unknown rule 'V1'; did you mean"
                + " 'V01'?");
    assertThat(problems(SCHEME_JSON.replace("\"rules\":[\"V01\"]", "\"rules\":[\"D01\"]")))
        .singleElement()
        .asString()
        .contains("/rules/4/repairNeeds/rules/0")
        .contains("'D01' deducts");
    assertThat(problems(SCHEME_JSON.replace("\"points\":6}", "\"point\":6}")))
        .anyMatch(p -> p.contains("unknown field 'point'; did you mean 'points'?"));
    assertThat(problems(SCHEME_JSON.replace("\"repairPercent\":60", "\"repairPercent\":0")))
        .singleElement()
        .asString()
        .contains("/rules/4/repairPercent")
        .contains("1 to 100");
    assertThat(problems(SCHEME_JSON.replace("\"repairPercent\":60", "\"repairPrecent\":60")))
        .singleElement()
        .asString()
        .contains("did you mean 'repairPercent'?");
    assertThat(
            problems(
                SCHEME_JSON.replace(
                    "\"repairable\":true,\"repairAfterDays\":30,\"repairNeeds\"",
                    "\"repairable\":false,\"repairNeeds\"")))
        .anyMatch(p -> p.contains("/rules/4/repairNeeds") && p.contains("not repairable"));
  }

  @Test
  void aRepairWaitsForTheVolunteeringTheRuleNeedsAndRestoresItsShare() {
    long d = ledger.deduct(W1, "r-1", "D03", -10, Optional.of("case-7")).orElseThrow().seq();
    ledger.recognise(VOL, "r-1", "V01", 2, Optional.empty()).orElseThrow(); // 03-02
    clock.set("2026-03-05T09:00:00");
    long v2 = ledger.recognise(VOL, "r-1", "V01", 2, Optional.empty()).orElseThrow().seq();
    ledger.fileAppeal(R1, v2, Optional.empty()).orElseThrow();
    clock.set("2026-04-02T09:00:00"); // 31 days on: the waiting period is over
    LedgerResult early = ledger.repair(W1, d, 0, Optional.empty());
    assertThat(early.refusal().orElseThrow().code()).isEqualTo(Code.REPAIR_NEEDS_NOT_MET);
    assertThat(early.refusal().orElseThrow().reason())
        .isEqualTo(
            "rule D03 needs 6 points of V01 recognised since deduction 1 before a repair;"
                + " r-1 has 4");
    ledger.recognise(VOL, "r-1", "V01", 2, Optional.empty()).orElseThrow();
    // a voided recognition does not count
    ledger.decideAppeal(W3, v2, Decision.VOIDED, Optional.empty()).orElseThrow();
    assertThat(ledger.repair(W1, d, 0, Optional.empty()).refusal().orElseThrow().reason())
        .endsWith("r-1 has 4");
    ledger.recognise(VOL, "r-1", "V01", 2, Optional.empty()).orElseThrow();
    assertThat(balance()).isEqualTo(100 - 10 + 2 + 2 + 2);
    Entry repaired = ledger.repair(W1, d, 0, Optional.of("volunteer-hours")).orElseThrow();
    assertThat(repaired.points()).as("60 % of 10, written out").isEqualTo(6);
    assertThat(balance()).isEqualTo(102);
    assertThat(ledger.statement(R1, "r-1", clock.instant()).value().orElseThrow().statement())
        .first()
        .satisfies(
            l -> assertThat(l.notes()).contains("repaired +6 (entry " + repaired.seq() + ")"));
    assertThat(ledger.repair(W1, d, 0, Optional.empty()).refusal().orElseThrow().code())
        .isEqualTo(Code.REPAIR_TOO_MUCH);
  }

  @Test
  void theReplayRefusesARepairBeforeTheConditionsAtItsLine() {
    List<Entry> e = new ArrayList<>();
    e.add(CreditFixtures.ruled(1, "2026-03-02T09:00:00", "r-1", EntryKind.DEDUCT, "D03", -10, "w"));
    e.add(
        CreditFixtures.ruled(2, "2026-03-03T09:00:00", "r-1", EntryKind.RECOGNISE, "V01", 2, "w"));
    e.add(CreditFixtures.about(3, "2026-04-03T09:00:00", "r-1", EntryKind.REPAIR, 1, 3, "w"));
    EntryLog log = new EntryLog("ledger.jsonl", e, List.of(1, 2, 3));
    assertThatThrownBy(() -> CreditReplay.replay(SCHEME, log, ReplayOptions.defaults()))
        .isInstanceOf(InvalidEntryException.class)
        .hasMessage(
            "ledger.jsonl:3: entry 3 (REPAIR): rule D03 needs 6 points of V01 recognised since"
                + " deduction 1 before a repair; r-1 has 2");
    CreditReplay r = CreditReplay.start(SCHEME, ReplayOptions.defaults());
    e.subList(0, 2).forEach(r::accept);
    r.accept(
        CreditFixtures.ruled(3, "2026-03-04T09:00:00", "r-1", EntryKind.RECOGNISE, "V01", 2, "w"));
    r.accept(
        CreditFixtures.ruled(4, "2026-03-05T09:00:00", "r-1", EntryKind.RECOGNISE, "V01", 2, "w"));
    Entry all = CreditFixtures.about(5, "2026-04-03T09:00:00", "r-1", EntryKind.REPAIR, 1, 0, "w");
    assertThat(r.check(all).orElseThrow().code())
        .as("a partial rule's repair names its points")
        .isEqualTo(Code.POINTS_OUT_OF_RANGE);
    Entry seven =
        CreditFixtures.about(5, "2026-04-03T09:00:00", "r-1", EntryKind.REPAIR, 1, 7, "w");
    assertThat(r.check(seven).orElseThrow().code()).isEqualTo(Code.REPAIR_TOO_MUCH);
    r.accept(CreditFixtures.about(5, "2026-04-03T09:00:00", "r-1", EntryKind.REPAIR, 1, 6, "w"));
    assertThat(r.balance("r-1")).isEqualTo(100 - 10 + 6 + 6);
  }

  Gen<List<Long>> moves() {
    return Gens.lists(Gens.longs(), 1, 12);
  }

  /**
   * Random volunteering before and after a deduction (some of it voided), then a repair at a random
   * time: it is accepted exactly when 30 days have passed and 6 points of V01 made after the
   * deduction still count.
   */
  @Property(tries = 300)
  void aRepairIsAcceptedExactlyWhenItsConditionsAreMet(@ForAll("moves") List<Long> moves) {
    Random rnd = new Random(moves.get(0));
    CreditReplay r = CreditReplay.start(SCHEME, ReplayOptions.defaults());
    Instant t = at("2026-03-02T09:00:00");
    List<Entry> done = new ArrayList<>();
    long deduction = 0;
    long counting = 0;
    List<Long> after = new ArrayList<>();
    for (int i = 0; i < moves.size(); i++) {
      Random m = new Random(moves.get(i));
      t = t.plus(Duration.ofHours(1 + m.nextInt(30 * 24 / moves.size() + 1)));
      long seq = done.size() + 1L;
      Entry e;
      if (deduction == 0 && (i == moves.size() / 2 || m.nextInt(4) == 0)) {
        e = entry(seq, t, EntryKind.DEDUCT, Optional.of("D03"), -10, OptionalLong.empty());
        deduction = seq;
      } else if (!after.isEmpty() && m.nextInt(5) == 0) {
        long target = after.get(m.nextInt(after.size()));
        e = entry(seq, t, EntryKind.APPEAL_FILED, Optional.empty(), 0, OptionalLong.of(target));
        if (r.check(e).isPresent()) {
          continue; // the filing window closed
        }
        after.remove(target);
        r.accept(e);
        done.add(e);
        e =
            entry(
                seq + 1, t, EntryKind.APPEAL_VOIDED, Optional.empty(), 0, OptionalLong.of(target));
        counting -= 2;
      } else {
        e = entry(seq, t, EntryKind.RECOGNISE, Optional.of("V01"), 2, OptionalLong.empty());
        if (r.check(e).isPresent()) {
          continue; // over the month's cap
        }
        if (deduction != 0) {
          counting += 2;
          after.add(seq);
        }
      }
      r.accept(e);
      done.add(e);
    }
    if (deduction == 0) {
      return;
    }
    Instant deducted = done.get((int) deduction - 1).at();
    Instant when = t.plus(Duration.ofHours(rnd.nextInt(40 * 24)));
    Entry repair =
        entry(
            done.size() + 1L,
            when,
            EntryKind.REPAIR,
            Optional.empty(),
            1 + rnd.nextInt(6),
            OptionalLong.of(deduction));
    boolean waited = !day(when).isBefore(day(deducted).plusDays(30));
    Optional<EntryRefusal> refusal = r.check(repair);
    if (waited && counting >= 6) {
      assertThat(refusal).isEmpty();
    } else {
      assertThat(refusal.map(EntryRefusal::code))
          .hasValueSatisfying(
              c -> assertThat(c).isIn(Code.REPAIR_TOO_EARLY, Code.REPAIR_NEEDS_NOT_MET));
      assertThat(refusal.get().code())
          .isEqualTo(waited ? Code.REPAIR_NEEDS_NOT_MET : Code.REPAIR_TOO_EARLY);
    }
  }

  private static java.time.LocalDate day(Instant t) {
    return java.time.LocalDate.ofInstant(t, java.time.ZoneId.of("Asia/Shanghai"));
  }

  private static Entry entry(
      long seq, Instant t, EntryKind kind, Optional<String> rule, long points, OptionalLong ref) {
    return new Entry(seq, t, "r-1", kind, rule, points, "w", ref, Optional.empty());
  }
}
