package org.gridgov.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.CaseId;
import org.gridgov.core.cases.SourceChannel;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.watch.CaseCounts.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Cases → day counts: the day in the calendar's zone, the unit at the level, the keys, the order.
 */
class CaseCountsTest {
  static final GridHierarchy CITY =
      GridHierarchy.builder()
          .add(Grid.territorial("city", GridLevel.CITY).build())
          .add(Grid.territorial("s1", GridLevel.STREET).parent("city").build())
          .add(Grid.territorial("c1", GridLevel.COMMUNITY).parent("s1").build())
          .add(Grid.territorial("c2", GridLevel.COMMUNITY).parent("s1").build())
          .add(Grid.territorial("c1-g1", GridLevel.COMPOUND).parent("c1").build())
          .add(Grid.territorial("c1-g2", GridLevel.COMPOUND).parent("c1").build())
          .add(Grid.territorial("c2-g1", GridLevel.COMPOUND).parent("c2").build())
          .add(Grid.territorial("s1-x", GridLevel.COMPOUND).parent("s1").build())
          .build();

  static final WorkCalendar CAL = WorkCalendar.standard();

  private static int seq;

  static Case at(String grid, String item, String instant) {
    return at(grid, item, instant, SourceChannel.PATROL);
  }

  static Case at(String grid, String item, String instant, SourceChannel channel) {
    Case.Builder b = Case.report(CaseId.of("k-" + seq++), item, channel, Instant.parse(instant));
    if (grid != null) {
      b.grid(GridId.of(grid));
    }
    return b.build();
  }

  static CaseCounts communities(boolean byChannel) {
    return CaseCounts.of(
        CITY, GridLevel.COMMUNITY, CAL, CaseCounts.categoryByCodePrefix(), byChannel);
  }

  @Test
  void aCaseCountsOnItsLocalDayInItsUnitUnderItsCategory() {
    List<DayCounts> days = new ArrayList<>();
    CaseCounts.Counter counter = communities(false).counter(0, days::add);
    // 17:30 UTC is 01:30 the next day in Shanghai
    assertThat(counter.add(at("c1-g1", "01001", "2026-03-01T17:30:00Z")))
        .isEqualTo(Outcome.COUNTED);
    assertThat(counter.add(at("c1", "01002", "2026-03-02T01:00:00Z"))).isEqualTo(Outcome.COUNTED);
    assertThat(counter.add(at("c2-g1", "03002", "2026-03-02T02:00:00Z")))
        .isEqualTo(Outcome.COUNTED);
    counter.finish();
    assertThat(days).hasSize(1);
    assertThat(days.get(0).day()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(days.get(0).cells())
        .containsExactly(
            new DayCounts.Cell("c1", "01", Alert.ALL_CHANNELS, 2),
            new DayCounts.Cell("c2", "03", Alert.ALL_CHANNELS, 1));
  }

  @Test
  void casesThatCannotBeCountedAreTalliedByReason() {
    List<DayCounts> days = new ArrayList<>();
    CaseCounts.Counter counter = communities(false).counter(0, days::add);
    assertThat(counter.add(at("s1", "01001", "2026-03-02T01:00:00Z")))
        .isEqualTo(Outcome.ABOVE_LEVEL);
    assertThat(counter.add(at("s1-x", "01001", "2026-03-02T01:00:00Z")))
        .as("a compound hung directly under a street has no community")
        .isEqualTo(Outcome.ABOVE_LEVEL);
    assertThat(counter.add(at("nowhere", "01001", "2026-03-02T01:00:00Z")))
        .isEqualTo(Outcome.UNKNOWN_GRID);
    assertThat(counter.add(at(null, "01001", "2026-03-02T01:00:00Z"))).isEqualTo(Outcome.NO_GRID);
    assertThat(counter.add(at(null, "01001", "2026-03-02T01:00:00Z"), GridId.of("c2-g1")))
        .isEqualTo(Outcome.COUNTED);
    counter.finish();
    assertThat(counter.tally()).isEqualTo(new CaseCounts.Tally(1, 1, 1, 2, 0, 0));
    assertThat(counter.tally().seen()).isEqualTo(5);
    assertThat(counter.tally().notCounted()).isEqualTo(4);
    assertThat(days).hasSize(1);
  }

  @Test
  void channelsAreCountedApartOnRequest() {
    List<DayCounts> days = new ArrayList<>();
    CaseCounts.Counter counter =
        CaseCounts.of(CITY, GridLevel.COMMUNITY, CAL, CaseCounts.byItem(), true)
            .counter(0, days::add);
    counter.add(at("c1", "01001", "2026-03-02T01:00:00Z", SourceChannel.HOTLINE_12345));
    counter.add(at("c1", "01001", "2026-03-02T02:00:00Z", SourceChannel.PATROL));
    counter.add(at("c1", "01001", "2026-03-02T03:00:00Z", SourceChannel.PATROL));
    counter.finish();
    assertThat(days.get(0).cells())
        .containsExactly(
            new DayCounts.Cell("c1", "01001", "hotline_12345", 1),
            new DayCounts.Cell("c1", "01001", "patrol", 2));
  }

  @Test
  void sortedInputIsReleasedDayByDayHoldingOneDay() {
    List<DayCounts> days = new ArrayList<>();
    CaseCounts.Counter counter = communities(false).counter(0, days::add);
    counter.add(at("c1", "01001", "2026-03-02T01:00:00Z"));
    assertThat(days).isEmpty();
    counter.add(at("c1", "01001", "2026-03-04T01:00:00Z"));
    assertThat(days).extracting(DayCounts::day).containsExactly(LocalDate.of(2026, 3, 2));
    assertThat(counter.add(at("c1", "01001", "2026-03-03T01:00:00Z")))
        .as("day 3 was passed when day 4 arrived")
        .isEqualTo(Outcome.TOO_LATE);
    counter.finish();
    assertThat(days)
        .extracting(DayCounts::day)
        .containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4));
    assertThat(counter.tally().tooLate()).isEqualTo(1);
  }

  @Test
  void inputOutOfOrderWithinTheSlackCountsAsSortedInputDoes() {
    List<Case> cases = new ArrayList<>();
    String[] grids = {"c1", "c1-g1", "c1-g2", "c2", "c2-g1"};
    String[] items = {"01001", "01002", "03002", "09011"};
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      Instant when = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(random.nextInt(10 * 86400));
      cases.add(at(grids[random.nextInt(grids.length)], items[random.nextInt(4)], when.toString()));
    }
    List<Case> sorted = new ArrayList<>(cases);
    sorted.sort((a, b) -> a.reportedAt().compareTo(b.reportedAt()));
    List<String> expected = count(sorted, 0);
    for (int trial = 0; trial < 5; trial++) {
      Collections.shuffle(cases, new Random(trial));
      assertThat(count(cases, 10)).isEqualTo(expected);
    }
  }

  private static List<String> count(List<Case> cases, int slack) {
    List<String> out = new ArrayList<>();
    CaseCounts.Counter counter =
        communities(false).counter(slack, d -> out.add(d.day() + " " + d.cells()));
    for (Case c : cases) {
      assertThat(counter.add(c)).isEqualTo(Outcome.COUNTED);
    }
    counter.finish();
    return out;
  }

  @Test
  void aPeriodTalliesTheCasesOutsideItAndEndsOnItsLastDay() {
    List<DayCounts> days = new ArrayList<>();
    CaseCounts.Counter counter =
        communities(false)
            .counter(
                0,
                Optional.of(LocalDate.of(2026, 3, 2)),
                Optional.of(LocalDate.of(2026, 3, 9)),
                days::add);
    assertThat(counter.add(at("c1", "01001", "2026-03-01T01:00:00Z")))
        .isEqualTo(Outcome.OUTSIDE_PERIOD);
    assertThat(counter.add(at("c1", "01001", "2026-03-03T01:00:00Z"))).isEqualTo(Outcome.COUNTED);
    assertThat(counter.add(at("c1", "01001", "2026-03-10T01:00:00Z")))
        .isEqualTo(Outcome.OUTSIDE_PERIOD);
    counter.finish();
    assertThat(days)
        .extracting(DayCounts::day)
        .containsExactly(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 9));
    assertThat(days.get(1).cells()).isEmpty();
    assertThat(counter.tally().outsidePeriod()).isEqualTo(2);
  }

  @Test
  void unitsAndCategoryKeys() {
    CaseCounts rule = communities(false);
    assertThat(rule.units()).containsExactly(GridId.of("c1"), GridId.of("c2"));
    assertThat(rule.unitOf(GridId.of("c1-g2"))).contains(GridId.of("c1"));
    assertThat(rule.unitOf(GridId.of("s1"))).isEmpty();
    assertThat(CaseCounts.categoryByCodePrefix().apply("09011")).isEqualTo("09");
    assertThat(CaseCounts.fromTable(java.util.Map.of("09011", "社会治安")).apply("09011"))
        .isEqualTo("社会治安");
    assertThat(CaseCounts.fromTable(java.util.Map.of()).apply("09011")).isEqualTo("09011");
  }

  @Test
  void withoutAHierarchyEachGridIsItsOwnUnit() {
    List<DayCounts> days = new ArrayList<>();
    CaseCounts rule = CaseCounts.ofGrids(CAL, CaseCounts.byItem(), false);
    CaseCounts.Counter counter = rule.counter(0, days::add);
    assertThat(counter.add(at("anything", "01001", "2026-03-02T01:00:00Z")))
        .isEqualTo(Outcome.COUNTED);
    assertThat(counter.add(at(null, "01001", "2026-03-02T01:00:00Z"))).isEqualTo(Outcome.NO_GRID);
    counter.finish();
    assertThat(days.get(0).cells())
        .containsExactly(new DayCounts.Cell("anything", "01001", Alert.ALL_CHANNELS, 1));
    assertThat(rule.level()).isEmpty();
    assertThat(rule.units()).isEmpty();
  }

  @Test
  void callerMistakesAreRefused() {
    assertThatThrownBy(
            () -> CaseCounts.of(CITY, GridLevel.of("ward"), CAL, CaseCounts.byItem(), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("level 'ward' is not on the hierarchy's ladder");
    CaseCounts.Counter counter = communities(false).counter(0, d -> {});
    counter.finish();
    assertThatThrownBy(() -> counter.add(at("c1", "01001", "2026-03-01T01:00:00Z")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> communities(false).counter(-1, d -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
