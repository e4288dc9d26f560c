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
import org.gridgov.core.access.Principal;
import org.gridgov.core.access.Role;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.junit.jupiter.api.Test;

/**
 * The strings of grid-risk's records never carry a personal field: a string ends up in logs and
 * exception messages, which no read audit sees.
 */
class RegisterToStringTest {
  private static final GridId G01 = GridId.of("S01-C01-G01");
  private static final LocalDate DAY = LocalDate.of(2026, 5, 6);

  private static final Element PERSON =
      new Element(
          "P1",
          ElementType.PEOPLE,
          G01,
          Optional.of(GeoPoint.of(113.6621, 34.7512)),
          "张某",
          Map.of("household", "H-0042", "address", "3-2-501", "flags", "elderly_alone"),
          Set.of());

  /** What no string may contain: every personal value of {@link #PERSON}. */
  private static final List<String> SECRETS =
      List.of("张某", "H-0042", "3-2-501", "elderly", "ELDERLY", "113.66", "34.75");

  private static void assertNoSecret(Object o) {
    String s = String.valueOf(o);
    for (String secret : SECRETS) {
      assertThat(s).as("%s leaks %s", o.getClass().getSimpleName(), secret).doesNotContain(secret);
    }
  }

  @Test
  void recordsThatCarryAnElementShowItsIdTypeAndGridOnly() {
    assertThat(PERSON.toString()).isEqualTo("Element[id=P1, type=PEOPLE, grid=S01-C01-G01]");
    assertNoSecret(PERSON);
    ElementVersion v = ElementVersion.of(DAY, PERSON);
    assertNoSecret(v);
    assertThat(v.toString()).contains("P1").contains("2026-05-06");
    assertNoSecret(new RegisterChange.Versioned(v));
    assertNoSecret(PERSON.details());
    ColourChange change =
        new ColourChange(
            PERSON,
            Optional.empty(),
            Optional.of(RiskColour.RED),
            "key-persons",
            "r1",
            "two incidents",
            DAY,
            "clerk-7");
    assertNoSecret(change);
    assertThat(change.toString()).contains("P1").contains("RED").contains("key-persons/r1");
  }

  @Test
  void anUnmaskedViewPrintsNoPersonalValue() {
    ElementRegister register =
        ElementRegister.builder()
            .add(LocalDate.of(2026, 1, 1), PERSON)
            .mark("P1", ColourMark.manual(RiskColour.RED, LocalDate.of(2026, 3, 1), "t", "t"))
            .build();
    RegisterReader reader =
        RegisterReader.of(
            register,
            AccessControl.over(GRIDS),
            ReadAudits.inMemory(),
            Clock.fixed(Instant.parse("2026-05-06T01:30:00Z"), ZoneOffset.UTC));
    Principal worker = Principal.of("w1", Role.GRID_WORKER, G01);
    ElementRead read = reader.read(worker, "P1", DAY);
    assertThat(read).isInstanceOf(ElementView.class);
    assertThat(((ElementView) read).name()).isEqualTo("张某"); // shown to the worker ...
    assertNoSecret(read); // ... but not in the string
    assertNoSecret(reader.list(worker, G01, DAY));
  }

  @Test
  void aPatrolStopHidesThePosition() {
    PatrolStop stop =
        new PatrolStop(
            "P1",
            G01,
            RiskColour.RED,
            DueStatus.OVERDUE,
            GeoPoint.of(113.6621, 34.7512),
            120.5,
            3.0);
    assertNoSecret(stop);
    assertNoSecret(new PatrolDay("w1", DAY, List.of(stop), 120.5, 13.0, List.of()));
  }
}
