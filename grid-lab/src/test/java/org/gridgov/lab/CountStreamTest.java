package org.gridgov.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridgov.core.GridLevel;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.fixtures.CityMaker;
import org.gridgov.fixtures.CityPlan;
import org.gridgov.rules.PolicySets;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Property;
import org.gridgov.watch.DayCounts;
import org.junit.jupiter.api.Test;

class CountStreamTest {
  static final LocalDate START = LocalDate.of(2026, 3, 2); // a Monday
  static final WorkCalendar CAL = WatchEvaluation.calendar2026();

  /** A small stream with outbreaks over its cells, and a seed. */
  record Case(CountStream stream, List<Outbreak> outbreaks, long seed) {}

  Gen<Case> cases() {
    return src -> {
      int units = src.ints(1, 4);
      int cats = src.ints(1, 3);
      int days = src.ints(1, 30);
      List<String> us = new ArrayList<>();
      for (int u = 0; u < units; u++) {
        us.add("U" + u);
      }
      List<String> cs = new ArrayList<>();
      for (int c = 0; c < cats; c++) {
        cs.add("0" + c);
      }
      int[][] counts = new int[days][units * cats];
      for (int[] row : counts) {
        for (int i = 0; i < row.length; i++) {
          row[i] = src.ints(0, 6);
        }
      }
      CountStream s = CountStream.of(START, CAL, us, cs, Map.of(), counts);
      List<Outbreak> obs = new ArrayList<>();
      int n = src.ints(0, 4);
      for (int k = 0; k < n; k++) {
        List<String> place = new ArrayList<>(List.of(us.get(src.ints(0, units - 1))));
        boolean times = src.booleans();
        obs.add(
            new Outbreak(
                Outbreak.Type.SINGLE,
                place,
                cs.get(src.ints(0, cats - 1)),
                START.plusDays(src.ints(0, days - 1)),
                src.ints(1, 10),
                times
                    ? Outbreak.Size.times(1 + src.ints(1, 8) / 2.0)
                    : Outbreak.Size.plus(src.ints(1, 5))));
      }
      return new Case(s, obs, src.longs(0, Long.MAX_VALUE));
    };
  }

  @Property(tries = 200)
  void injectingNeverLowersACount(@ForAll("cases") Case c) {
    CountStream injected = c.stream().withOutbreaks(c.outbreaks(), c.seed());
    for (int d = 0; d < c.stream().days(); d++) {
      for (String u : c.stream().units()) {
        for (String k : c.stream().categories()) {
          assertThat(injected.count(d, u, k)).isGreaterThanOrEqualTo(c.stream().count(d, u, k));
        }
      }
    }
  }

  @Property(tries = 100)
  void noOutbreaksLeaveTheStreamAsItIs(@ForAll("cases") Case c) {
    assertThat(c.stream().withOutbreaks(List.of(), c.seed())).isEqualTo(c.stream());
  }

  @Property(tries = 100)
  void injectionIsDeterministicForASeed(@ForAll("cases") Case c) {
    assertThat(c.stream().withOutbreaks(c.outbreaks(), c.seed()))
        .isEqualTo(c.stream().withOutbreaks(c.outbreaks(), c.seed()));
  }

  @Test
  void aMultipleAddsItsShareOfTheBaselineAndAnAbsoluteRiseItsCases() {
    // one unit, one category, 28 working-day-or-not days of 4 cases: baseline 4 on both kinds
    int[][] counts = new int[28][1];
    for (int[] row : counts) {
      row[0] = 4;
    }
    CountStream s = CountStream.of(START, CAL, List.of("U"), List.of("01"), Map.of(), counts);
    assertThat(s.baseline("U", "01", true)).isEqualTo(4.0);
    Outbreak triple =
        new Outbreak(Outbreak.Type.SINGLE, List.of("U"), "01", START, 28, Outbreak.Size.times(3));
    CountStream t = s.withOutbreaks(List.of(triple), 5L);
    // 28 days × (3 − 1) × 4 = 224 extra cases expected; Poisson sd ≈ 15
    assertThat(t.total() - s.total()).isBetween(224L - 75, 224L + 75);
    Outbreak plus =
        new Outbreak(Outbreak.Type.SINGLE, List.of("U"), "01", START, 28, Outbreak.Size.plus(2));
    assertThat(s.withOutbreaks(List.of(plus), 5L).total() - s.total())
        .isBetween(56L - 30, 56L + 30);
    // days outside the outbreak are untouched
    Outbreak late =
        new Outbreak(
            Outbreak.Type.SINGLE,
            List.of("U"),
            "01",
            START.plusDays(20),
            30,
            Outbreak.Size.plus(9));
    CountStream l = s.withOutbreaks(List.of(late), 5L);
    for (int d = 0; d < 20; d++) {
      assertThat(l.count(d, "U", "01")).isEqualTo(4);
    }
  }

  @Test
  void outbreaksOutsideTheStreamAreRefused() {
    CountStream s =
        CountStream.of(START, CAL, List.of("U"), List.of("01"), Map.of(), new int[][] {{1}});
    Outbreak before =
        new Outbreak(
            Outbreak.Type.SINGLE, List.of("U"), "01", START.minusDays(1), 3, Outbreak.Size.plus(1));
    assertThatThrownBy(() -> s.withOutbreaks(List.of(before), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("starts outside the stream");
    Outbreak elsewhere =
        new Outbreak(Outbreak.Type.SINGLE, List.of("V"), "01", START, 3, Outbreak.Size.plus(1));
    assertThatThrownBy(() -> s.withOutbreaks(List.of(elsewhere), 1))
        .hasMessageContaining("no unit V");
    assertThatThrownBy(
            () ->
                CountStream.of(
                    START, CAL, List.of("U"), List.of("01"), Map.of(), new int[][] {{-1}}))
        .hasMessageContaining("negative");
  }

  @Test
  void aGeneratedBackgroundHasTheCalendarsPatternAndNeighbours() {
    City city =
        City.of(CityMaker.generate(CityPlan.tongcheng(), 1L), PolicySets.sampleLists(), CAL);
    CaseStreamSpec spec = CaseStreamSpec.of(LocalDate.of(2026, 1, 5), 56, 300);
    CountStream s =
        CountStream.generate(
            city, spec, GridLevel.COMMUNITY, CountStream.CategoryKey.MAJOR_CLASS, 3L);
    assertThat(s.units()).hasSize(23);
    assertThat(s.categories()).contains("01", "09");
    assertThat(s)
        .isEqualTo(
            CountStream.generate(
                city, spec, GridLevel.COMMUNITY, CountStream.CategoryKey.MAJOR_CLASS, 3L));
    // working days bring about three times a rest day's cases
    long working = 0;
    long rest = 0;
    int wd = 0;
    for (int d = 0; d < s.days(); d++) {
      long day = s.dayCounts(d).total();
      if (s.isWorkingDay(d)) {
        working += day;
        wd++;
      } else {
        rest += day;
      }
    }
    double ratio = (working / (double) wd) / (rest / (double) (s.days() - wd));
    assertThat(ratio).isBetween(2.2, 3.8);
    // the Spring Festival (Feb 15–23) is rest; the make-up Saturday Feb 14 is working
    assertThat(s.isWorkingDay(41)).isFalse(); // 2026-02-16, a Monday in the holiday
    assertThat(s.isWorkingDay(40)).isTrue(); // 2026-02-14
    // the item mix: major class 01 (most weighted items) is busier than 09
    double c01 = 0;
    double c09 = 0;
    for (String u : s.units()) {
      c01 += s.baseline(u, "01", true);
      c09 += s.baseline(u, "09", true);
    }
    assertThat(c01).isGreaterThan(2 * c09);
    // neighbours are symmetric and every community has one
    for (String u : s.units()) {
      assertThat(s.neighbours(u)).isNotEmpty().doesNotContain(u);
      for (String v : s.neighbours(u)) {
        assertThat(s.neighbours(v)).contains(u);
      }
    }
    DayCounts first = s.dayCounts(0);
    assertThat(first.day()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(first.total()).isGreaterThan(0);
  }

  @Test
  void outbreaksAreDrawnDeterministicallyAndKeptApart() {
    City city =
        City.of(CityMaker.generate(CityPlan.tongcheng(), 1L), PolicySets.sampleLists(), CAL);
    CountStream s =
        CountStream.generate(
            city,
            CaseStreamSpec.of(LocalDate.of(2026, 1, 5), 120, 300),
            GridLevel.COMMUNITY,
            CountStream.CategoryKey.MAJOR_CLASS,
            3L);
    Outbreaks.Spec spec = Outbreaks.Spec.defaults(30, 60);
    List<Outbreak> obs = Outbreaks.generate(s, spec, 9L);
    assertThat(obs).isEqualTo(Outbreaks.generate(s, spec, 9L));
    assertThat(obs).hasSizeGreaterThan(20);
    assertThat(obs).extracting(Outbreak::type).contains(Outbreak.Type.values());
    for (int i = 0; i < obs.size(); i++) {
      Outbreak o = obs.get(i);
      assertThat(o.start()).isAfterOrEqualTo(s.start().plusDays(60));
      assertThat(o.end()).isBefore(s.start().plusDays(s.days()));
      if (o.type() == Outbreak.Type.CLUSTER) {
        assertThat(o.units()).hasSizeBetween(2, 4);
        assertThat(s.neighbours(o.units().get(0)))
            .containsAll(o.units().subList(1, o.units().size()));
      }
      assertThat(Outbreaks.conflicts(obs.subList(0, i), o, spec.separationDays())).isFalse();
      int startDay = (int) (o.start().toEpochDay() - s.start().toEpochDay());
      assertThat(Outbreaks.expectedExtra(s, o, startDay)).isGreaterThanOrEqualTo(5.0);
    }
  }

  @Test
  void theArrivalProcessCountsLikeTheIncidentsItStandsFor() {
    City city =
        City.of(CityMaker.generate(CityPlan.uniform(2, 3, 4), 1L), PolicySets.sampleLists(), CAL);
    CaseStreamSpec spec = CaseStreamSpec.of(LocalDate.of(2026, 3, 2), 28, 400);
    CountStream fast =
        CountStream.generate(city, spec, GridLevel.STREET, CountStream.CategoryKey.MAJOR_CLASS, 4L);
    CountStream slow =
        CountStream.count(
            city,
            CaseStream.generate(
                City.withoutMap(city.name(), city.hierarchy(), city.lists(), city.calendar()),
                spec,
                4L),
            GridLevel.STREET,
            CountStream.CategoryKey.MAJOR_CLASS);
    assertThat(fast.units()).isEqualTo(slow.units());
    assertThat(fast.categories()).isEqualTo(slow.categories());
    // same process, different draws: totals per street × class agree within Poisson noise
    for (String u : fast.units()) {
      for (String c : List.of("01", "02", "05")) {
        double a = 0;
        double b = 0;
        for (int d = 0; d < 28; d++) {
          a += fast.count(d, u, c);
          b += slow.count(d, u, c);
        }
        assertThat(Math.abs(a - b)).isLessThan(5 * Math.sqrt(a + b) + 5);
      }
    }
    assertThat((double) fast.total())
        .isCloseTo(slow.total(), org.assertj.core.data.Percentage.withPercentage(8));
  }
}
