package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.risk.RegisterTestData.GRIDS;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.access.AccessControl;
import org.gridgov.core.access.Permission;
import org.gridgov.core.access.Principal;
import org.gridgov.core.access.Role;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

class RegisterReadTest {
  private static final GridId G01 = GridId.of("S01-C01-G01");
  private static final GridId G07 = GridId.of("S01-C02-G07");
  private static final LocalDate DAY = LocalDate.of(2026, 5, 6);
  private static final Instant NOW = Instant.parse("2026-05-06T01:30:00Z");

  private static final Element PERSON =
      new Element(
          "P1",
          ElementType.PEOPLE,
          G01,
          Optional.of(GeoPoint.of(113.66, 34.75)),
          "张某",
          Map.of("household", "H-0042", "flags", "elderly_alone"),
          Set.of("name", "position", "household", "flags"));
  private static final Element SHOP =
      new Element(
          "S1",
          ElementType.PLACES,
          G01,
          Optional.of(GeoPoint.of(113.661, 34.751)),
          "Noodle shop",
          Map.of("kind", "shop", "owner", "李某"),
          Set.of("owner"));
  private static final Element LAMP =
      Element.of("O1", ElementType.OBJECTS, G07, Optional.empty(), "street lamp");

  private final ElementRegister register =
      ElementRegister.builder()
          .add(LocalDate.of(2026, 1, 1), PERSON)
          .add(LocalDate.of(2026, 1, 1), SHOP)
          .add(LocalDate.of(2026, 1, 1), LAMP)
          .mark(
              "P1",
              ColourMark.manual(RiskColour.RED, LocalDate.of(2026, 3, 2), "lives alone", "w1"))
          .build();
  private final InMemoryReadAudit audit = ReadAudits.inMemory();
  private final RegisterReader reader =
      RegisterReader.of(
          register, AccessControl.over(GRIDS), audit, Clock.fixed(NOW, ZoneOffset.UTC));

  private final Principal worker = Principal.of("w1", Role.GRID_WORKER, G01);
  private final Principal staff = Principal.of("s1", Role.PLATFORM_STAFF, GridId.of("S01"));

  @Test
  void theGridWorkerSeesTheirResidentInFullAndTheReadIsAudited() {
    ElementView v = (ElementView) reader.read(worker, "P1", DAY);
    assertThat(v.name()).isEqualTo("张某");
    assertThat(v.attributes()).containsEntry("household", "H-0042");
    assertThat(v.position()).contains(GeoPoint.of(113.66, 34.75));
    assertThat(v.colour()).contains(RiskColour.RED);
    assertThat(v.masked()).isEmpty();
    assertThat(audit.records())
        .containsExactly(
            new ReadRecord(
                NOW,
                "w1",
                "grid_worker",
                "P1",
                Set.of("name", "position", "household", "flags"),
                Set.of()));
  }

  @Test
  void platformStaffSeeTheRecordWithPersonalFieldsMasked() {
    ElementView v = (ElementView) reader.read(staff, "P1", DAY);
    assertThat(v.name()).isEqualTo(ElementView.MASK);
    assertThat(v.position()).isEmpty();
    assertThat(v.attributes())
        .isEqualTo(Map.of("household", ElementView.MASK, "flags", ElementView.MASK));
    assertThat(v.masked()).containsExactly("flags", "household", "name", "position");
    assertThat(v.colour()).as("the colour is not personal").contains(RiskColour.RED);
    assertThat(audit.records())
        .containsExactly(
            new ReadRecord(
                NOW,
                "s1",
                "platform_staff",
                "P1",
                Set.of(),
                Set.of("name", "position", "household", "flags")));

    ElementView shop = (ElementView) reader.read(staff, "S1", DAY);
    assertThat(shop.name()).isEqualTo("Noodle shop");
    assertThat(shop.attributes()).containsEntry("kind", "shop").containsEntry("owner", "***");
    assertThat(shop.masked()).containsExactly("owner");
  }

  @Test
  void aReadWithoutPersonalFieldsLeavesNoRecord() {
    assertThat(reader.read(staff, "O1", DAY)).isInstanceOf(ElementView.class);
    assertThat(audit.records()).isEmpty();
  }

  @Test
  void aReadOutsideTheWorkersGridIsAnsweredAsNotFoundButRecorded() {
    Principal other = Principal.of("w2", Role.GRID_WORKER, G07);
    ReadRefusal r = (ReadRefusal) reader.read(other, "P1", DAY);
    assertThat(r.why()).isEqualTo(ReadRefusal.Why.NOT_FOUND);
    assertThat(r.reason()).doesNotContain("S01-C01-G01").doesNotContain("outside");
    assertThat(audit.records())
        .singleElement()
        .satisfies(
            rec -> {
              assertThat(rec.principal()).isEqualTo("w2");
              assertThat(rec.shown()).isEmpty();
              assertThat(rec.masked())
                  .containsExactlyInAnyOrder("name", "position", "household", "flags");
            });
  }

  @Test
  void anElementOutOfScopeAndAMissingOneGetTheSameAnswer() {
    Principal other = Principal.of("w2", Role.GRID_WORKER, G07);
    ElementRegister without =
        ElementRegister.builder()
            .add(LocalDate.of(2026, 1, 1), SHOP)
            .add(LocalDate.of(2026, 1, 1), LAMP)
            .build();
    InMemoryReadAudit otherAudit = ReadAudits.inMemory();
    RegisterReader withoutP1 =
        RegisterReader.of(
            without, AccessControl.over(GRIDS), otherAudit, Clock.fixed(NOW, ZoneOffset.UTC));
    ElementRead exists = reader.read(other, "P1", DAY);
    ElementRead missing = withoutP1.read(other, "P1", DAY);
    assertThat(exists).isEqualTo(missing).isInstanceOf(ReadRefusal.class);
    assertThat(exists.toString()).isEqualTo(missing.toString());
    // Only the audit tells them apart: the attempt on an existing element is recorded.
    assertThat(audit.records()).hasSize(1);
    assertThat(otherAudit.records()).isEmpty();
    // A role without READ is refused the same way whether the id exists or not.
    Principal none = new Principal("x", new Role("none", Set.of()), Set.of(G01));
    assertThat(reader.read(none, "P1", DAY)).isEqualTo(withoutP1.read(none, "P1", DAY));
    assertThat(((ReadRefusal) reader.read(none, "P1", DAY)).why())
        .isEqualTo(ReadRefusal.Why.DENIED);
  }

  @Test
  void unknownOrNotYetRegisteredIdsAreNotFound() {
    assertThat(reader.read(worker, "nope", DAY))
        .isEqualTo(
            new ReadRefusal(
                "nope",
                ReadRefusal.Why.NOT_FOUND,
                "no element 'nope' that w1 may read is in force on 2026-05-06"));
    assertThat(((ReadRefusal) reader.read(worker, "P1", LocalDate.of(2025, 1, 1))).why())
        .isEqualTo(ReadRefusal.Why.NOT_FOUND);
    assertThat(audit.records()).isEmpty();
  }

  @Test
  void listingAGridMasksEachElementAndRefusesGridsOutOfScope() {
    GridElements g = (GridElements) reader.list(staff, G01, DAY);
    assertThat(g.elements()).extracting(ElementView::id).containsExactly("P1", "S1");
    assertThat(g.elements().get(0).name()).isEqualTo(ElementView.MASK);
    assertThat(audit.records()).extracting(ReadRecord::element).containsExactly("P1", "S1");
    ReadRefusal r = (ReadRefusal) reader.list(worker, G07, DAY);
    assertThat(r.why()).isEqualTo(ReadRefusal.Why.DENIED);
    assertThat(((GridElements) reader.list(worker, G01, DAY)).elements().get(0).name())
        .isEqualTo("张某");
  }

  // ------------------------------------------------------------------ property

  record Case(ElementRegister register, Role role, GridId binding) {}

  private Gen<Case> cases() {
    Gen<Role> roles =
        src -> {
          Set<Permission> ps = new java.util.HashSet<>();
          for (Permission p : Permission.values()) {
            if (src.ints(0, 3) > 0) {
              ps.add(p);
            }
          }
          return new Role("role" + ps.size(), ps);
        };
    Gen<GridId> bindings = Gens.elements(List.of(GridId.of("S01"), GridId.of("S01-C01"), G01, G07));
    return Gens.combine(RegisterGens.REGISTERS, roles, bindings, Case::new);
  }

  /** Masking never leaks a personal field to a role without READ_PERSONAL. */
  @Property(tries = 300)
  void maskingNeverLeaksAPersonalField(@ForAll("cases") Case c) {
    InMemoryReadAudit trail = ReadAudits.inMemory();
    RegisterReader r =
        RegisterReader.of(
            c.register(), AccessControl.over(GRIDS), trail, Clock.fixed(NOW, ZoneOffset.UTC));
    Principal who = new Principal("p", c.role(), Set.of(c.binding()));
    boolean personal = c.role().permissions().contains(Permission.READ_PERSONAL);
    int expectedRecords = 0;
    for (LocalDate d : RegisterGens.probeDates()) {
      for (String id : c.register().ids()) {
        Optional<Element> e = c.register().element(id, d);
        ElementRead read = r.read(who, id, d);
        if (e.isEmpty()) {
          assertThat(read).isInstanceOf(ReadRefusal.class);
          continue;
        }
        if (!e.get().personalFields().isEmpty()) {
          expectedRecords++;
        }
        if (read instanceof ElementView v) {
          if (personal) {
            assertThat(v.masked()).isEmpty();
            assertThat(v.name()).isEqualTo(e.get().name());
            assertThat(v.attributes()).isEqualTo(e.get().attributes());
            assertThat(v.position()).isEqualTo(e.get().position());
          } else {
            assertNoLeak(v, e.get());
          }
        }
      }
      for (GridId g : RegisterGens.LEAVES) {
        if (r.list(who, g, d) instanceof GridElements ge) {
          for (ElementView v : ge.elements()) {
            Element e = c.register().element(v.id(), d).orElseThrow();
            if (!e.personalFields().isEmpty()) {
              expectedRecords++;
            }
            if (!personal) {
              assertNoLeak(v, e);
            }
          }
        }
      }
    }
    assertThat(trail.records())
        .as("every touch of a personal field is recorded")
        .hasSize(expectedRecords);
    if (!personal) {
      assertThat(trail.records()).allSatisfy(rec -> assertThat(rec.shown()).isEmpty());
    }
  }

  private static void assertNoLeak(ElementView v, Element e) {
    assertThat(v.toString()).doesNotContain(RegisterGens.SECRET);
    assertThat(v.masked()).isEqualTo(e.personalFields());
    for (String f : e.personalFields()) {
      switch (f) {
        case Element.NAME -> assertThat(v.name()).isEqualTo(ElementView.MASK);
        case Element.POSITION -> assertThat(v.position()).isEmpty();
        default -> assertThat(v.attributes().get(f)).isEqualTo(ElementView.MASK);
      }
    }
    for (var a : e.attributes().entrySet()) {
      if (!e.personalFields().contains(a.getKey())) {
        assertThat(v.attributes()).containsEntry(a.getKey(), a.getValue());
      }
    }
  }
}
