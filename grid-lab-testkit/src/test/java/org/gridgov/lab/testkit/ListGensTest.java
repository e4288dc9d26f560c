package org.gridgov.lab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gridgov.rules.lists.GovernanceLists;
import org.gridgov.rules.lists.Item;
import org.gridgov.rules.lists.ListConsistencyChecker;
import org.gridgov.rules.lists.ListFinding;
import org.gridgov.rules.lists.ListsJson;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

class ListGensTest {
  private static final LocalDate DAY = LocalDate.of(2026, 5, 6);

  Gen<GovernanceLists> lists() {
    return ListGens.lists();
  }

  @Property(tries = 150)
  void generatedListsAreConsistent(@ForAll("lists") GovernanceLists lists) {
    assertThat(ListConsistencyChecker.defaults().check(lists, DAY)).isEmpty();
    for (Item i : lists.items()) {
      assertThat(i.isStandardCode()).isTrue();
      assertThat(ListGens.CATEGORIES).contains(i.category());
      assertThat(i.timeLimits().urgent().amount() > 0).isTrue();
    }
  }

  @Property(tries = 100)
  void everyAdmittedItemIsAdmittedForItsDepartmentAndNoProhibitedOneIs(
      @ForAll("lists") GovernanceLists lists) {
    lists
        .access()
        .forEach(
            a ->
                assertThat(
                        lists
                            .admission()
                            .check(a.itemCode(), a.level(), a.requestingDepartment(), DAY)
                            .allowed())
                    .isTrue());
    lists
        .prohibited()
        .forEach(
            p ->
                p.levels()
                    .forEach(
                        l ->
                            assertThat(
                                    lists.admission().check(p.itemCode(), l, "D01", DAY).allowed())
                                .isFalse()));
  }

  @Test
  void eachPlantedDefectIsFound() {
    for (ListGens.Defect d : ListGens.Defect.values()) {
      GovernanceLists lists = ListGens.builder().defects(Set.of(d)).build().sample(7);
      List<ListFinding> findings = ListConsistencyChecker.defaults().check(lists, DAY);
      assertThat(findings).as("%s", d).extracting(f -> f.kind().name()).contains(d.name());
    }
  }

  @Test
  void listsSurviveTheJsonRoundTripAndSeedsReproduce() {
    GovernanceLists a = ListGens.lists().sample(3);
    assertThat(
            ListsJson.read(
                new java.io.ByteArrayInputStream(
                    ListsJson.toJson(a).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "x"))
        .isEqualTo(a);
    assertThat(ListGens.lists().sample(3)).isEqualTo(a);
    assertThat(ListGens.generate(40, 5, 9)).isEqualTo(ListGens.generate(40, 5, 9));
    assertThat(ListGens.generate(40, 5, 9).items()).hasSize(40);
    assertThat(ListConsistencyChecker.defaults().check(ListGens.generate(40, 5, 9), DAY)).isEmpty();
  }

  @Test
  void shrinkingKeepsJustEnoughItems() {
    GovernanceLists min =
        Shrinking.shrunk(lists(), 5, 200, l -> assertThat(l.items()).hasSizeLessThan(6));
    assertThat(min.items()).hasSize(6);
  }
}
