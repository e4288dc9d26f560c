package org.gridgov.lab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.fixtures.CityMaker;
import org.gridgov.fixtures.CityPlan;
import org.gridgov.lab.*;
import org.gridgov.lab.testkit.ListGens;
import org.gridgov.rules.PolicySets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CityDirectoryTest {
  @TempDir Path dir;

  @Test
  void aWrittenCityReadsBackTheSame() {
    WorkCalendar cal =
        WorkCalendar.builder(java.time.ZoneId.of("Asia/Shanghai"))
            .holidays(java.util.List.of(java.time.LocalDate.of(2026, 5, 1)))
            .build();
    City city =
        City.of(CityMaker.generate(CityPlan.uniform(2, 2, 2), 4), ListGens.generate(12, 3, 4), cal);
    Path d = dir.resolve("tongcheng-like");
    CityDirectory.write(city, d);
    City back = CityDirectory.read(d);
    assertThat(back.name()).isEqualTo("tongcheng-like");
    assertThat(back.hierarchy().grids()).isEqualTo(city.hierarchy().grids());
    assertThat(back.lists()).isEqualTo(city.lists());
    assertThat(back.calendar()).isEqualTo(cal);
    assertThat(back.map()).isPresent();
    assertThat(back.map().orElseThrow().findings()).isEmpty();
  }

  @Test
  void aHierarchyWithoutPolygonsMakesACityWithoutAMapAndTheSampleListsAreTheDefault()
      throws IOException {
    City city =
        City.of(
            CityMaker.generate(CityPlan.uniform(1, 2, 2), 4),
            ListGens.generate(5, 2, 4),
            WorkCalendar.standard());
    City plain = City.withoutMap("p", city.hierarchy(), city.lists(), city.calendar());
    CityDirectory.write(plain, dir);
    Files.delete(dir.resolve(CityDirectory.LISTS));
    Files.delete(dir.resolve(CityDirectory.CALENDAR));
    City back = CityDirectory.read(dir);
    assertThat(back.map()).isEmpty();
    assertThat(back.lists()).isEqualTo(PolicySets.sampleLists());
    assertThat(back.calendar()).isEqualTo(WorkCalendar.standard());
    assertThat(back.leaves()).isEqualTo(city.leaves());
  }

  @Test
  void unusableDirectoriesAreNamedInTheError() throws IOException {
    assertThatThrownBy(() -> CityDirectory.read(dir.resolve("missing")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a directory");
    assertThatThrownBy(() -> CityDirectory.read(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no grids");
    Files.writeString(
        dir.resolve("grids.geojson"), "{\"type\": \"FeatureCollection\", \"features\": [");
    assertThatThrownBy(() -> CityDirectory.read(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("grids.geojson");
  }
}
