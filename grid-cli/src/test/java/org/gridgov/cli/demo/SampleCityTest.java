package org.gridgov.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridgov.core.Grid;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Severity;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.rules.lists.Department;
import org.gridgov.rules.lists.GovernanceLists;
import org.gridgov.rules.lists.Item;
import org.gridgov.rules.table.TableVerifier;
import org.gridgov.scoring.ScoringSchemes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCityTest {
  private final SampleCity sample = Samples.bundled();

  @Test
  void theBundledSamplePassesEveryValidator() {
    assertThat(sample.findings()).isEmpty();
    assertThat(sample.hasErrors()).isFalse();
    assertThat(sample.map().findings()).isEmpty();
    assertThat(TableVerifier.defaults().verify(sample.policy().dispatcher().table()).isClean())
        .isTrue();
    assertThat(TableVerifier.defaults().verify(sample.policy().escalation().table()).isClean())
        .isTrue();
    for (String scheme : List.of(SampleCity.DEPARTMENT_SCHEME, SampleCity.GRID_SCHEME)) {
      assertThat(ScoringSchemes.validate(resource(scheme))).as(scheme).isEmpty();
    }
  }

  @Test
  void itIsTongchengSized() {
    assertThat(sample.gridsAt(GridLevel.STREET)).hasSize(3);
    assertThat(sample.gridsAt(GridLevel.COMMUNITY)).hasSize(23);
    List<Grid> grids = sample.gridsAt(GridLevel.COMPOUND);
    assertThat(grids).hasSize(105);
    assertThat(grids)
        .allSatisfy(
            g -> {
              assertThat(g.households().getAsInt()).isBetween(300, 500);
              assertThat(g.name()).endsWith("网格");
              assertThat(g.id().isNationalCode()).isTrue();
            });
    assertThat(sample.map().hierarchy().grids()).allSatisfy(g -> assertThat(g.name()).isNotEmpty());
    assertThat(sample.gridsAt(GridLevel.STREET).stream().map(Grid::name))
        .containsExactly("龙眠街道", "文昌街道", "龙腾街道");
    assertThat(sample.patrolPoints()).hasSize(539);
    assertThat(sample.patrolPoints().stream().map(PatrolPoint::grid).collect(Collectors.toSet()))
        .hasSize(105);
  }

  @Test
  void aMarketAndASchoolAreExclusiveGridsAndOneCrossesACommunityBorder() {
    List<Grid> exclusive = sample.exclusiveGrids();
    assertThat(exclusive.stream().map(g -> g.attributes().get("facility")))
        .containsExactlyInAnyOrder("market", "school");
    Set<Integer> communitiesCovered = new HashSet<>();
    for (Grid g : exclusive) {
      Set<GridId> communities =
          g.coverage().stream()
              .map(leaf -> sample.map().hierarchy().parent(leaf).orElseThrow())
              .collect(Collectors.toSet());
      assertThat(g.coverage()).hasSizeGreaterThanOrEqualTo(2);
      assertThat(communities).contains(g.owner().orElseThrow());
      communitiesCovered.add(communities.size());
    }
    assertThat(communitiesCovered).contains(1, 2);
  }

  @Test
  void theListsAreTongchengs() {
    GovernanceLists lists = sample.policy().lists();
    assertThat(lists.items()).hasSize(90);
    assertThat(lists.items().stream().map(Item::category).distinct()).hasSize(9);
    assertThat(lists.items().stream().map(i -> i.categoryPath().subList(0, 2)).distinct())
        .hasSize(32);
    assertThat(lists.departments().stream().filter(Department::jointDuty)).hasSize(22);
    assertThat(lists.access()).isNotEmpty();
    assertThat(lists.prohibited()).isNotEmpty();
    assertThat(lists.authorities()).isNotEmpty();
    // the matters departments admitted to grid workers are handled in the responsibility grids
    assertThat(lists.item("01001").orElseThrow().level()).isEqualTo(GridLevel.COMPOUND);
  }

  @Test
  void theCalendarIsTheOfficial2026One() {
    WorkCalendar cal = sample.city().calendar();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 1, 4))).as("make-up Sunday").isTrue();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 2, 14))).as("make-up Saturday").isTrue();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 2, 16))).as("Spring Festival").isFalse();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 2, 23))).as("Spring Festival, Monday").isFalse();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 2, 28))).as("make-up Saturday").isTrue();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 4, 6))).isFalse();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 5, 9))).isTrue();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 6, 19))).isFalse();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 9, 25))).isFalse();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 7))).isFalse();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
    assertThat(cal.holidays()).hasSize(33);
    assertThat(cal.makeUpDays()).hasSize(6);
  }

  @Test
  void aDirectoryCopyReadsAlikeAndAMovedPatrolPointIsAFinding(@TempDir Path dir)
      throws IOException {
    copyBundled(dir);
    SampleCity copy = SampleCity.read(dir);
    assertThat(copy.findings()).isEmpty();
    assertThat(copy.name()).isEqualTo(sample.name());
    assertThat(copy.patrolPoints()).isEqualTo(sample.patrolPoints());

    Path points = dir.resolve(SampleCity.PATROL_POINTS);
    String text = Files.readString(points);
    // point P1 of the first grid claims to be in the second grid
    Files.writeString(
        points,
        text.replaceFirst(
            "\"id\":\"34188100100101-P1\"(.*?)\"grid\":\"34188100100101\"",
            "\"id\":\"34188100100101-P1\"$1\"grid\":\"34188100100102\""));
    SampleCity moved = SampleCity.read(dir);
    assertThat(moved.hasErrors()).isTrue();
    assertThat(moved.findings())
        .anySatisfy(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.code()).isEqualTo("patrol/OUTSIDE_GRID");
              assertThat(f.message()).contains("34188100100101-P1", "34188100100102");
            });
  }

  @Test
  void aMalformedFileIsAnErrorNamingIt(@TempDir Path dir) throws IOException {
    copyBundled(dir);
    Files.writeString(dir.resolve(SampleCity.MANIFEST), "{\"format\": \"gridgov-sample/1\"}");
    assertThatThrownBy(() -> SampleCity.read(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(SampleCity.MANIFEST)
        .hasMessageContaining("/name");
    Files.delete(dir.resolve(SampleCity.MANIFEST));
    assertThatThrownBy(() -> SampleCity.read(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(SampleCity.MANIFEST);
  }

  static void copyBundled(Path dir) throws IOException {
    for (String f : SampleCity.FILES) {
      Path target = dir.resolve(f);
      Files.createDirectories(target.getParent());
      try (InputStream in = SampleCity.class.getResourceAsStream(SampleCity.RESOURCE_DIR + f)) {
        Files.copy(in, target);
      }
    }
  }

  static String resource(String f) {
    try (InputStream in = SampleCity.class.getResourceAsStream(SampleCity.RESOURCE_DIR + f)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
