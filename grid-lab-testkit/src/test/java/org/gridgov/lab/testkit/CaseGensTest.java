package org.gridgov.lab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;
import org.gridgov.core.GridId;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.fixtures.CityMaker;
import org.gridgov.fixtures.CityPlan;
import org.gridgov.lab.CaseStream;
import org.gridgov.lab.CaseStreamSpec;
import org.gridgov.lab.City;
import org.gridgov.lab.Incident;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class CaseGensTest {
  static final LocalDate START = LocalDate.of(2026, 3, 2); // a Monday
  static final CaseStreamSpec SPEC = CaseStreamSpec.of(START, 14, 30);
  static final City CITY =
      City.of(
          CityMaker.generate(CityPlan.uniform(2, 2, 3), 9),
          ListGens.generate(25, 4, 9),
          WorkCalendar.standard());

  Gen<CaseGens.CityAndStream> streams() {
    return CaseGens.citiesWithStreams(CityGens.cities(), SPEC, 60);
  }

  @Property(tries = 40)
  void incidentsAreOrderedUniqueInThePeriodAndInsideOrAroundTheCity(
      @ForAll("streams") CaseGens.CityAndStream cs) {
    CaseStream s = cs.stream();
    Set<String> ids = new HashSet<>();
    Geometry root =
        cs.city().map().orElseThrow().geometry(cs.city().hierarchy().roots().get(0)).orElseThrow();
    // positions are inside a grid, or (a few) anywhere in the city's box grown by a tenth
    org.locationtech.jts.geom.Envelope box =
        new org.locationtech.jts.geom.Envelope(root.getEnvelopeInternal());
    box.expandBy(box.getWidth() * 0.051, box.getHeight() * 0.051);
    for (int i = 0; i < s.size(); i++) {
      Incident inc = s.incidents().get(i);
      assertThat(ids.add(inc.id())).as("unique id %s", inc.id()).isTrue();
      if (i > 0) {
        assertThat(inc.reportedAt()).isAfterOrEqualTo(s.incidents().get(i - 1).reportedAt());
      }
      LocalDate day = inc.reportedAt().atZone(cs.city().calendar().zone()).toLocalDate();
      assertThat(day).isBetween(START, START.plusDays(13));
      assertThat(
              cs.city().lists().item(inc.itemCode()).isPresent()
                  || cs.city().lists().prohibited().stream()
                      .anyMatch(p -> p.itemCode().equals(inc.itemCode())))
          .as("item %s on a list", inc.itemCode())
          .isTrue();
      Coordinate c =
          new Coordinate(inc.location().orElseThrow().lon(), inc.location().orElseThrow().lat());
      assertThat(box.covers(c)).as("%s in %s", c, box).isTrue();
    }
  }

  @Test
  void theSameSeedGivesTheSameStream() {
    CaseStream a = CaseStream.generate(CITY, SPEC, 5);
    assertThat(CaseStream.generate(CITY, SPEC, 5)).isEqualTo(a);
    assertThat(CaseStream.generate(CITY, SPEC, 6)).isNotEqualTo(a);
    assertThat(streams().sample(5).stream()).isEqualTo(streams().sample(5).stream());
  }

  @Test
  void timingFollowsWorkingDaysAndWorkingHours() {
    CaseStream s = CaseStream.generate(CITY, CaseStreamSpec.of(START, 56, 60), 1);
    int working = 0;
    int rest = 0;
    int peak = 0;
    int night = 0;
    for (Incident i : s.incidents()) {
      ZonedDateTime t = i.reportedAt().atZone(CITY.calendar().zone());
      if (CITY.calendar().isWorkingDay(t.toLocalDate())) {
        working++;
      } else {
        rest++;
      }
      if (t.getHour() >= 9 && t.getHour() < 11) {
        peak++;
      } else if (t.getHour() < 5) {
        night++;
      }
    }
    // 40 working days, 16 rest days at a third of the volume
    assertThat(working / 40.0).isGreaterThan(2 * rest / 16.0);
    assertThat((double) s.size()).isBetween(0.85 * (40 * 60 + 16 * 20), 1.15 * (40 * 60 + 16 * 20));
    // two peak hours bring several times the reports of five night hours
    assertThat(peak).isGreaterThan(3 * night);
    long patrolsOutsideHours =
        s.incidents().stream()
            .filter(i -> i.channel() == org.gridgov.core.cases.SourceChannel.PATROL)
            .filter(i -> !CITY.calendar().isWorkingTime(i.reportedAt()))
            .filter(
                i -> {
                  int h = i.reportedAt().atZone(CITY.calendar().zone()).getHour();
                  return h < 8 || h >= 18;
                })
            .count();
    assertThat(patrolsOutsideHours).isZero();
  }

  @Test
  void incidentsOfACityWithoutAMapCarryALeafGrid() {
    City plain = City.withoutMap("plain", CITY.hierarchy(), CITY.lists(), CITY.calendar());
    CaseStream s = CaseStream.generate(plain, SPEC, 3);
    Set<GridId> leaves = new HashSet<>(plain.leaves());
    assertThat(s.incidents())
        .allSatisfy(
            i -> {
              assertThat(i.location()).isEmpty();
              assertThat(leaves).contains(i.grid().orElseThrow());
            });
  }

  @Test
  void shrinkingLeavesTheFewestIncidents() {
    Gen<CaseStream> gen = CaseGens.streams(CITY, SPEC, 200);
    CaseStream min = Shrinking.shrunk(gen, 1, 200, s -> assertThat(s.size()).isLessThan(3));
    assertThat(min.size()).isEqualTo(3);
  }
}
