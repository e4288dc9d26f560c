package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;

/** Deterministic register changes for the journal tests: change {@code seq} is a pure function. */
final class RegisterJournalFixtures {
  private RegisterJournalFixtures() {}

  /**
   * Change {@code seq} of a journal written with these fixtures from seq 1: versions of new
   * elements, marks and visits of the element versioned just before, so every prefix is valid.
   */
  static RegisterChange change(long seq) {
    LocalDate day = LocalDate.of(2026, 1, 1).plusDays(seq % 300);
    switch ((int) (seq % 3)) {
      case 1:
        return RegisterChange.version(
            ElementVersion.of(
                day,
                new Element(
                    "E-" + seq,
                    ElementType.values()[(int) (seq % ElementType.values().length)],
                    GridId.of("S01-C02-G" + (seq % 50)),
                    Optional.of(GeoPoint.of(113.6 + seq * 1e-6, 34.7 + seq * 1e-7)),
                    "名 " + seq,
                    Map.of("household", "H-" + seq / 7, "flags", "elderly_alone"),
                    Set.of("household"))));
      case 2:
        return RegisterChange.mark(
            "E-" + (seq - 1),
            ColourMark.manual(RiskColour.values()[(int) (seq % 3)], day, "seq " + seq, "w-1"));
      default:
        return RegisterChange.visit(
            Visit.of(
                "E-" + (seq - 2),
                Instant.parse("2026-03-01T01:00:00Z").plusSeconds(seq * 61),
                "w-" + seq % 5,
                List.of("home_visit")));
    }
  }

  /** Changes {@code from} to {@code from + n - 1}. */
  static List<RegisterChange> changes(long from, int n) {
    List<RegisterChange> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(change(from + i));
    }
    return out;
  }

  /** Asserts that two states hold the same register and visits. */
  static void assertSameState(RegisterState actual, RegisterState expected) {
    assertThat(actual.changes()).isEqualTo(expected.changes());
    ElementRegister a = actual.register();
    ElementRegister e = expected.register();
    assertThat(a.ids()).isEqualTo(e.ids());
    for (String id : e.ids()) {
      assertThat(a.versions(id)).as(id).isEqualTo(e.versions(id));
      assertThat(a.marks(id)).as(id).isEqualTo(e.marks(id));
    }
    assertThat(actual.visits().elements()).isEqualTo(expected.visits().elements());
    for (String id : expected.visits().elements()) {
      assertThat(actual.visits().visits(id)).as(id).isEqualTo(expected.visits().visits(id));
    }
  }
}
