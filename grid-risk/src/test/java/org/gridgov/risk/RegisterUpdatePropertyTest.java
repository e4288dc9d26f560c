package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.GridId;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

/**
 * The incremental register ({@link ElementRegister#with}) and visit log ({@link VisitLog#with})
 * answer exactly as a register rebuilt from all changes ({@code toBuilder().add(..).build()}) and a
 * log made from all visits: same ids, versions, marks, colours, elements and as-of lists on any
 * date, same refusals — across enough single updates that the overlay is merged into the base.
 */
class RegisterUpdatePropertyTest {
  private static final LocalDate DAY0 = LocalDate.of(2026, 1, 1);
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** One change: kind 0 version, 1 retirement, 2 colour mark, 3 clearing mark. */
  record Op(int kind, int id, int day, int colour, boolean rule) {
    RegisterChange change() {
      String eid = "E" + id;
      LocalDate from = DAY0.plusDays(day);
      return switch (kind) {
        case 0 -> RegisterChange.version(ElementVersion.of(from, element(eid, day)));
        case 1 -> RegisterChange.version(ElementVersion.retired(eid, from));
        default -> RegisterChange.mark(eid, mark(kind == 3, from));
      };
    }

    private ColourMark mark(boolean clear, LocalDate from) {
      return new ColourMark(
          clear ? Optional.empty() : Optional.of(RiskColour.values()[colour]),
          "op",
          rule ? MarkSource.RULE : MarkSource.MANUAL,
          rule ? Optional.of("r" + day) : Optional.empty(),
          from,
          Optional.empty(),
          "w" + day);
    }
  }

  private static Element element(String id, int day) {
    return Element.of(
        id,
        ElementType.values()[day % ElementType.values().length],
        GridId.of("G" + day % 7),
        Optional.empty(),
        id + "@" + day);
  }

  private Gen<List<Op>> ops() {
    Gen<Op> one =
        src -> {
          int kind = src.ints(0, 9);
          return new Op(
              kind <= 3 ? 0 : kind == 4 ? 1 : kind <= 8 ? 2 : 3,
              src.ints(0, 70),
              src.ints(0, 40),
              src.ints(0, 3),
              src.booleans());
        };
    return Gens.lists(one, 0, 160);
  }

  @Property(tries = 150)
  void singleUpdatesAnswerAsTheRebuiltRegister(
      @ForAll("ops") List<Op> ops, @ForAll("split") Integer split) {
    List<RegisterChange> accepted = new ArrayList<>();
    int base = Math.min(split, ops.size());
    for (Op op : ops.subList(0, base)) {
      if (rebuilt(accepted, op.change()).isPresent()) {
        accepted.add(op.change());
      }
    }
    ElementRegister incremental = rebuilt(accepted, null).orElseThrow();
    for (Op op : ops.subList(base, ops.size())) {
      Optional<ElementRegister> oracle = rebuilt(accepted, op.change());
      if (oracle.isEmpty()) {
        ElementRegister before = incremental;
        assertThatThrownBy(() -> before.with(List.of(op.change())))
            .isInstanceOf(IllegalArgumentException.class);
        continue;
      }
      accepted.add(op.change());
      incremental = incremental.with(List.of(op.change()));
    }
    assertSameAnswers(incremental, rebuilt(accepted, null).orElseThrow());
  }

  @Property(tries = 150)
  void aBatchAnswersAsTheRebuiltRegister(@ForAll("ops") List<Op> ops) {
    List<RegisterChange> batch = new ArrayList<>();
    ops.forEach(o -> batch.add(o.change()));
    ElementRegister start = ElementRegister.builder().add(DAY0, element("E0", 0)).build();
    Optional<ElementRegister> oracle = rebuiltFrom(start, batch);
    if (oracle.isEmpty()) {
      assertThatThrownBy(() -> start.with(batch)).isInstanceOf(IllegalArgumentException.class);
    } else {
      assertSameAnswers(start.with(batch), oracle.get());
    }
  }

  Gen<Integer> split() {
    return Gens.integers(0, 160);
  }

  @Property(tries = 150)
  void visitsAddedAnswerAsALogMadeOfAllOfThem(@ForAll("visits") List<Visit> visits) {
    VisitLog log = VisitLog.of(visits.subList(0, visits.size() / 3));
    for (int i = visits.size() / 3; i < visits.size(); i += 1 + i % 3) {
      log = log.with(visits.subList(i, Math.min(visits.size(), i + 1 + i % 3)));
    }
    VisitLog all = VisitLog.of(visits);
    assertThat(log.size()).isEqualTo(all.size());
    assertThat(log.elements()).isEqualTo(all.elements());
    for (int id = 0; id <= 70; id++) {
      assertThat(log.visits("E" + id)).as("E%d", id).isEqualTo(all.visits("E" + id));
      assertThat(log.lastAt("E" + id, T0.plusSeconds(20 * 3600)))
          .isEqualTo(all.lastAt("E" + id, T0.plusSeconds(20 * 3600)));
    }
  }

  /**
   * One large batch with many visits to a few elements (ties included) after a base log: the batch
   * is grouped by element and merged once per element, and must answer as {@link VisitLog#of}.
   */
  @Property(tries = 150)
  void aBatchOfManyVisitsToFewElementsAnswersAsALogMadeOfAllOfThem(
      @ForAll("crowdedVisits") List<Visit> visits, @ForAll("split") Integer split) {
    int cut = Math.min(split, visits.size());
    VisitLog log = VisitLog.of(visits.subList(0, cut)).with(visits.subList(cut, visits.size()));
    VisitLog all = VisitLog.of(visits);
    assertThat(log.size()).isEqualTo(all.size());
    assertThat(log.elements()).isEqualTo(all.elements());
    for (String id : all.elements()) {
      assertThat(log.visits(id)).as(id).isEqualTo(all.visits(id));
    }
  }

  Gen<List<Visit>> crowdedVisits() {
    Gen<Visit> one =
        src ->
            Visit.of(
                "E" + src.ints(0, 3),
                T0.plusSeconds(3600L * src.ints(0, 12)), // many ties: order must be kept
                "w" + src.ints(0, 99),
                List.of("home_visit"));
    return Gens.lists(one, 0, 300);
  }

  Gen<List<Visit>> visits() {
    Gen<Visit> one =
        src ->
            Visit.of(
                "E" + src.ints(0, 70),
                T0.plusSeconds(3600L * src.ints(0, 40)), // ties on purpose: order must be kept
                "w" + src.ints(0, 9),
                List.of("home_visit"));
    return Gens.lists(one, 0, 200);
  }

  @Test
  void theOverlayIsMergedIntoTheBaseAfterAboutTheSquareRootOfUpdates() {
    ElementRegister.Builder b = ElementRegister.builder();
    for (int i = 0; i < 10_000; i++) {
      b.add(DAY0, element(String.format("E%05d", i), i % 40));
    }
    ElementRegister r = b.build();
    assertThat(r.overlaySize()).isZero();
    int compactions = 0;
    for (int i = 0; i < 1_000; i++) {
      int before = r.overlaySize();
      r =
          r.with(
              List.of(
                  RegisterChange.mark(
                      String.format("E%05d", i * 7),
                      ColourMark.manual(RiskColour.RED, DAY0, "x", "w"))));
      assertThat(r.overlaySize()).isLessThanOrEqualTo(SortedOverlay.threshold(10_000));
      if (r.overlaySize() < before) {
        compactions++;
      }
    }
    assertThat(compactions).isBetween(1_000 / 101, 1_000 / 100 + 1);
    assertThat(r.size()).isEqualTo(10_000);
    assertThat(r.colour("E00007", DAY0).flatMap(ColourMark::colour)).contains(RiskColour.RED);
  }

  /** The register built from all changes (plus one), empty when the builder refuses. */
  private static Optional<ElementRegister> rebuilt(
      List<RegisterChange> changes, RegisterChange op) {
    List<RegisterChange> all = new ArrayList<>(changes);
    if (op != null) {
      all.add(op);
    }
    return rebuiltFrom(ElementRegister.empty(), all);
  }

  private static Optional<ElementRegister> rebuiltFrom(
      ElementRegister start, List<RegisterChange> changes) {
    ElementRegister.Builder b = start.toBuilder();
    for (RegisterChange c : changes) {
      if (c instanceof RegisterChange.Versioned v) {
        b.add(v.version());
      } else if (c instanceof RegisterChange.Marked m) {
        b.mark(m.element(), m.mark());
      }
    }
    try {
      return Optional.of(b.build());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static void assertSameAnswers(ElementRegister actual, ElementRegister expected) {
    assertThat(actual.ids()).isEqualTo(expected.ids());
    assertThat(actual.size()).isEqualTo(expected.size());
    for (int id = 0; id <= 70; id++) {
      String eid = "E" + id;
      assertThat(actual.versions(eid)).as(eid).isEqualTo(expected.versions(eid));
      assertThat(actual.marks(eid)).as(eid).isEqualTo(expected.marks(eid));
      for (int d = -1; d <= 42; d += 3) {
        LocalDate date = DAY0.plusDays(d);
        assertThat(actual.element(eid, date)).isEqualTo(expected.element(eid, date));
        assertThat(actual.colour(eid, date)).isEqualTo(expected.colour(eid, date));
      }
    }
    for (int d = -1; d <= 42; d += 5) {
      assertThat(actual.asOf(DAY0.plusDays(d))).isEqualTo(expected.asOf(DAY0.plusDays(d)));
    }
    ElementRegister again = actual.toBuilder().build();
    assertThat(again.ids()).isEqualTo(expected.ids());
  }
}
