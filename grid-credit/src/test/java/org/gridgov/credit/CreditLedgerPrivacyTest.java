package org.gridgov.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.credit.CreditFixtures.at;
import static org.gridgov.credit.LedgerWorld.R1;
import static org.gridgov.credit.LedgerWorld.SEC;
import static org.gridgov.credit.LedgerWorld.STAFF;
import static org.gridgov.credit.LedgerWorld.W1;
import static org.gridgov.credit.LedgerWorld.W2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.GridId;
import org.gridgov.core.access.Permission;
import org.gridgov.core.access.Principal;
import org.gridgov.core.access.Role;
import org.gridgov.credit.ReadRecord.Subject;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

/**
 * Reads under privacy: a resident sees their own file, a grid worker the residents of their grids,
 * community staff aggregates only; every read is audited.
 */
class CreditLedgerPrivacyTest {
  private final MutableClock clock = new MutableClock(at("2026-03-02T09:00:00"));
  private final List<ReadRecord> heard = new ArrayList<>();
  private final CreditLedger ledger =
      LedgerWorld.ledger(new MemoryLedgerStore(), clock).onRead(heard::add).build();
  private final Instant now = at("2026-03-31T00:00:00");

  CreditLedgerPrivacyTest() {
    ledger.recognise(W1, "r-1", "G02", 20, Optional.empty()).orElseThrow(); // r-1: 120 AAA
    ledger.deduct(SEC, "r-2", "D02", -30, Optional.of("p")).orElseThrow(); // r-2: 70 B
    ledger.deduct(W2, "r-3", "D01", -5, Optional.of("p")).orElseThrow(); // r-3: 95 A
  }

  private static ReadRefusal.Code refused(CreditRead<?> r) {
    assertThat(r.isAllowed()).as("refused: %s", r).isFalse();
    return r.refusal().orElseThrow().code();
  }

  @Test
  void aResidentSeesTheirOwnFileAndNoOneElses() {
    CreditAccount own = ledger.statement(R1, "r-1", now).value().orElseThrow();
    assertThat(own.balance()).isEqualTo(120);
    assertThat(own.level()).isEqualTo("AAA");
    assertThat(own.statement()).hasSize(1);
    CreditRead<CreditAccount> neighbour = ledger.statement(R1, "r-2", now);
    assertThat(refused(neighbour)).isEqualTo(ReadRefusal.Code.ROLE_MAY_NOT_READ);
    assertThat(neighbour.refusal().orElseThrow().reason())
        .isEqualTo(
            "r-1 has role resident, which may read no file but their own, not the file of r-2");
    assertThat(refused(ledger.levelCounts(R1, GridId.of("c1"), now)))
        .isEqualTo(ReadRefusal.Code.ROLE_MAY_NOT_READ);
  }

  @Test
  void aGridWorkerSeesTheResidentsOfTheirGridsOnly() {
    assertThat(ledger.statement(W1, "r-1", now).isAllowed()).isTrue();
    CreditRead<CreditAccount> other = ledger.statement(W1, "r-2", now);
    assertThat(refused(other)).isEqualTo(ReadRefusal.Code.OUT_OF_SCOPE);
    assertThat(other.refusal().orElseThrow().reason()).startsWith("resident r-2 lives in grid g12");
    assertThat(refused(ledger.statement(W2, "r-1", now))).isEqualTo(ReadRefusal.Code.OUT_OF_SCOPE);
    assertThat(ledger.statement(SEC, "r-2", now).value().orElseThrow().balance()).isEqualTo(70);
    assertThat(refused(ledger.statement(SEC, "r-3", now)))
        .as("c1's leader does not see c2")
        .isEqualTo(ReadRefusal.Code.OUT_OF_SCOPE);
    assertThat(refused(ledger.statement(W1, "r-9", now)))
        .isEqualTo(ReadRefusal.Code.UNKNOWN_SUBJECT);
  }

  @Test
  void communityStaffGetAggregatesOnly() {
    assertThat(refused(ledger.statement(STAFF, "r-1", now)))
        .isEqualTo(ReadRefusal.Code.AGGREGATES_ONLY);
    Map<String, Integer> c1 = ledger.levelCounts(STAFF, GridId.of("c1"), now).value().orElseThrow();
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("AAA", 1);
    expected.put("AA", 0);
    expected.put("A", 0);
    expected.put("B", 1);
    expected.put("D", 0);
    assertThat(c1).containsExactlyEntriesOf(expected);
    assertThat(refused(ledger.levelCounts(STAFF, GridId.of("c2"), now)))
        .isEqualTo(ReadRefusal.Code.OUT_OF_SCOPE);
    assertThat(refused(ledger.levelCounts(STAFF, GridId.of("c9"), now)))
        .isEqualTo(ReadRefusal.Code.UNKNOWN_SUBJECT);
    Principal street = Principal.of("s", Role.SUPERVISOR, GridId.of("street"));
    assertThat(ledger.levelCounts(street, GridId.of("street"), now).value().orElseThrow())
        .containsEntry("AAA", 1)
        .containsEntry("A", 1)
        .containsEntry("B", 1);
    assertThat(
            ledger
                .levelCounts(street, GridId.of("street"), at("2026-03-01T00:00:00"))
                .value()
                .orElseThrow())
        .as("as of before any entry everyone has the start's level")
        .containsEntry("AA", 3);
  }

  @Test
  void aStatementIsAsOfAnInstant() {
    clock.set("2026-03-05T09:00:00");
    ledger.deduct(W1, "r-1", "D01", -5, Optional.of("p")).orElseThrow();
    assertThat(ledger.statement(R1, "r-1", at("2026-03-04T00:00:00")).value().orElseThrow())
        .extracting(CreditAccount::balance)
        .isEqualTo(120L);
    assertThat(ledger.statement(R1, "r-1", now).value().orElseThrow().balance()).isEqualTo(115);
    CreditAccount none =
        ledger.statement(R1, "r-1", at("2026-01-01T00:00:00")).value().orElseThrow();
    assertThat(none.balance()).isEqualTo(100);
    assertThat(none.statement()).isEmpty();
  }

  @Test
  void everyReadIsAuditedAllowedOrRefused() {
    clock.set("2026-04-01T10:00:00");
    ledger.statement(R1, "r-1", now);
    ledger.statement(W2, "r-1", now);
    ledger.levelCounts(STAFF, GridId.of("c1"), now);
    List<ReadRecord> log = ledger.auditLog();
    Instant t = at("2026-04-01T10:00:00");
    assertThat(log)
        .containsExactly(
            new ReadRecord(t, "r-1", "resident", Subject.STATEMENT, "r-1", now, true, ""),
            new ReadRecord(
                t,
                "w2",
                "grid_worker",
                Subject.STATEMENT,
                "r-1",
                now,
                false,
                ledger.statement(W2, "r-1", now).refusal().orElseThrow().reason()),
            new ReadRecord(t, "staff", "platform_staff", Subject.AGGREGATES, "c1", now, true, ""));
    assertThat(heard).containsExactlyElementsOf(ledger.auditLog());
    assertThat(ledger.auditLog()).hasSize(4);
    assertThatThrownBy(() -> log.add(log.get(0))).isInstanceOf(UnsupportedOperationException.class);
  }

  // ------------------------------------------------------------------ property

  private static final List<GridId> GRIDS =
      List.of("street", "c1", "c2", "g11", "g12", "g21", "ghost").stream().map(GridId::of).toList();

  private static final List<Role> ROLES =
      List.of(
          Role.GRID_WORKER,
          Role.GRID_LEADER,
          Role.PLATFORM_STAFF,
          Role.SUPERVISOR,
          CreditPrivacy.RESIDENT,
          new Role("clerk", Set.of(Permission.READ, Permission.ACT)),
          new Role("grid_worker", Set.of(Permission.ACT)));

  Gen<Principal> principals() {
    return Gens.combine(
        Gens.elements("w1", "w2", "r-1", "r-2", "r-3", "x"),
        Gens.elements(ROLES),
        Gens.lists(Gens.elements(GRIDS), 1, 3),
        (id, role, bindings) -> new Principal(id, role, Set.copyOf(bindings)));
  }

  Gen<String> residents() {
    return Gens.elements("r-1", "r-2", "r-3", "r-9");
  }

  Gen<GridId> communities() {
    return Gens.elements(GRIDS);
  }

  @Property(tries = 300)
  void noPrincipalGetsAPersonalStatementOutsideItsScope(
      @ForAll("principals") Principal who,
      @ForAll("residents") String resident,
      @ForAll("communities") GridId community) {
    int before = ledger.auditLog().size();
    CreditRead<CreditAccount> read = ledger.statement(who, resident, now);
    boolean own = who.id().equals(resident);
    Optional<GridId> home = LedgerWorld.RESIDENTS.gridOf(resident);
    boolean inScope =
        home.isPresent()
            && who.bindings().stream()
                .anyMatch(
                    b ->
                        LedgerWorld.GRIDS.ordinalOf(b).isPresent()
                            && LedgerWorld.GRIDS.isWithin(home.get(), b));
    boolean fileReader =
        Set.of("grid_worker", "grid_leader").contains(who.role().name())
            && who.role().permissions().contains(Permission.READ);
    assertThat(read.isAllowed()).isEqualTo(own || (fileReader && inScope));
    read.value().ifPresent(a -> assertThat(a.resident()).isEqualTo(resident));

    CreditRead<Map<String, Integer>> agg = ledger.levelCounts(who, community, now);
    boolean aggregateReader =
        Set.of("grid_worker", "grid_leader", "platform_staff", "supervisor")
                .contains(who.role().name())
            && who.role().permissions().contains(Permission.READ);
    boolean communityInScope =
        LedgerWorld.GRIDS.ordinalOf(community).isPresent()
            && who.bindings().stream()
                .anyMatch(
                    b ->
                        LedgerWorld.GRIDS.ordinalOf(b).isPresent()
                            && LedgerWorld.GRIDS.isWithin(community, b));
    assertThat(agg.isAllowed()).isEqualTo(aggregateReader && communityInScope);

    List<ReadRecord> log = ledger.auditLog();
    assertThat(log).hasSize(before + 2);
    ReadRecord s = log.get(before);
    assertThat(s.principal()).isEqualTo(who.id());
    assertThat(s.what()).isEqualTo(Subject.STATEMENT);
    assertThat(s.subject()).isEqualTo(resident);
    assertThat(s.allowed()).isEqualTo(read.isAllowed());
    ReadRecord a = log.get(before + 1);
    assertThat(a.what()).isEqualTo(Subject.AGGREGATES);
    assertThat(a.subject()).isEqualTo(community.value());
    assertThat(a.allowed()).isEqualTo(agg.isAllowed());
  }
}
