package org.gridgov.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gridgov.core.HierarchyProblem.Kind;
import org.junit.jupiter.api.Test;

class GridHierarchyTest {
  private final GridHierarchy h = Fixtures.smallCity();

  private static GridId id(String s) {
    return GridId.of(s);
  }

  @Test
  void answersStructuralQueries() {
    assertThat(h.size()).isEqualTo(11);
    assertThat(h.roots()).containsExactly(id("zz"));
    assertThat(h.parent(id("c1"))).contains(id("s1"));
    assertThat(h.parent(id("zz"))).isEmpty();
    assertThat(h.parent(id("mall")))
        .as("an exclusive grid hangs under its owner")
        .contains(id("s1"));
    assertThat(h.children(id("s1"))).containsExactly(id("c1"), id("c2"), id("mall"));
    assertThat(h.ancestors(id("c3"))).containsExactly(id("s2"), id("erqi"), id("zz"));
    assertThat(h.path(id("c3"))).containsExactly(id("zz"), id("erqi"), id("s2"), id("c3"));
    assertThat(h.descendants(id("erqi")))
        .containsExactlyInAnyOrder(id("s1"), id("s2"), id("c1"), id("c2"), id("c3"), id("mall"));
    assertThat(h.descendants(id("c4"))).isEmpty();
    assertThat(h.isWithin(id("c1"), id("erqi"))).isTrue();
    assertThat(h.isWithin(id("c1"), id("c1"))).isTrue();
    assertThat(h.isWithin(id("erqi"), id("c1"))).isFalse();
    assertThat(h.isWithin(id("c4"), id("erqi"))).isFalse();
    assertThat(h.lowestCommonAncestor(id("c1"), id("c3"))).contains(id("erqi"));
    assertThat(h.lowestCommonAncestor(id("c1"), id("c4"))).contains(id("zz"));
    assertThat(h.lowestCommonAncestor(id("c1"), id("s1"))).contains(id("s1"));
    assertThat(h.coveredBy(id("c2"))).containsExactly(id("mall"));
    assertThat(h.coveredBy(id("c3"))).isEmpty();
    assertThat(h.grid(id("c1")).orElseThrow().households()).hasValue(420);
    assertThat(h.grid(id("nope"))).isEmpty();
  }

  @Test
  void countsGridsPerLevelInLadderOrder() {
    assertThat(h.levelCounts())
        .containsExactly(
            java.util.Map.entry(GridLevel.CITY, 1),
            java.util.Map.entry(GridLevel.DISTRICT, 2),
            java.util.Map.entry(GridLevel.STREET, 3),
            java.util.Map.entry(GridLevel.COMMUNITY, 4),
            java.util.Map.entry(GridLevel.COMPOUND, 1),
            java.util.Map.entry(GridLevel.MICRO, 0));
  }

  @Test
  void ordinalsFollowIdOrder() {
    for (int o = 0; o + 1 < h.size(); o++) {
      assertThat(h.idAt(o)).isLessThan(h.idAt(o + 1));
    }
    int c1 = h.ordinalOf(id("c1")).getAsInt();
    assertThat(h.idAt(h.parentOrdinal(c1))).isEqualTo(id("s1"));
    assertThat(h.depth(c1)).isEqualTo(3);
    assertThat(h.parentOrdinal(h.ordinalOf(id("zz")).getAsInt())).isEqualTo(-1);
  }

  @Test
  void unknownIdsInQueriesAreRefusedByName() {
    assertThatThrownBy(() -> h.children(id("ghost"))).hasMessageContaining("ghost");
  }

  @Test
  void reportsEveryProblemAtOnceWithTheIdsInvolved() {
    GridHierarchy.Builder b =
        GridHierarchy.builder()
            .add(Grid.territorial("city", GridLevel.CITY).build())
            .add(Grid.territorial("d1", GridLevel.DISTRICT).parent("city").build())
            .add(Grid.territorial("d1", GridLevel.DISTRICT).parent("city").build())
            .add(Grid.territorial("orphan", GridLevel.STREET).parent("missing").build())
            .add(Grid.territorial("upside", GridLevel.DISTRICT).parent("d1").build())
            .add(Grid.territorial("a", GridLevel.STREET).parent("b").build())
            .add(Grid.territorial("b", GridLevel.STREET).parent("a").build())
            .add(Grid.builder(id("mall"), GridLevel.COMPOUND, GridKind.EXCLUSIVE).build())
            .add(
                Grid.builder(id("market"), GridLevel.COMPOUND, GridKind.EXCLUSIVE)
                    .parent("d1")
                    .owner(id("d1"))
                    .coverage(List.of(id("nowhere")))
                    .build())
            .add(Grid.territorial("odd", GridLevel.of("village")).parent("d1").build());
    List<HierarchyProblem> problems = b.problems();
    assertThat(problems)
        .extracting(HierarchyProblem::kind)
        .contains(
            Kind.DUPLICATE_ID,
            Kind.UNKNOWN_PARENT,
            Kind.LEVEL_OUT_OF_ORDER,
            Kind.CYCLE,
            Kind.MISSING_OWNER,
            Kind.EXCLUSIVE_WITH_PARENT,
            Kind.BAD_COVERAGE,
            Kind.UNKNOWN_LEVEL);
    assertThat(problems)
        .filteredOn(p -> p.kind() == Kind.CYCLE)
        .singleElement()
        .satisfies(p -> assertThat(p.ids()).containsExactly(id("a"), id("b")));
    assertThat(problems)
        .filteredOn(p -> p.kind() == Kind.UNKNOWN_PARENT)
        .singleElement()
        .satisfies(p -> assertThat(p.ids()).containsExactly(id("orphan"), id("missing")));
    assertThatThrownBy(b::build)
        .isInstanceOf(HierarchyException.class)
        .satisfies(e -> assertThat(((HierarchyException) e).problems()).isEqualTo(problems))
        .hasMessageContaining("orphan")
        .hasMessageContaining("mall has no owner");
  }

  @Test
  void territorialGridsCannotHaveOwnersAndExclusiveOwnersMustBeTerritorial() {
    List<HierarchyProblem> problems =
        GridHierarchy.builder()
            .add(Grid.territorial("city", GridLevel.CITY).build())
            .add(Grid.territorial("s", GridLevel.STREET).parent("city").owner(id("city")).build())
            .add(Grid.exclusive(id("m1"), GridLevel.COMPOUND, id("city")).build())
            .add(Grid.exclusive(id("m2"), GridLevel.MICRO, id("m1")).build())
            .problems();
    assertThat(problems)
        .extracting(HierarchyProblem::kind)
        .containsExactlyInAnyOrder(Kind.TERRITORIAL_WITH_OWNER, Kind.OWNER_NOT_TERRITORIAL);
  }

  @Test
  void gridFieldsAreValidated() {
    assertThatThrownBy(() -> Grid.territorial("g", GridLevel.MICRO).households(-1).build())
        .hasMessageContaining("households");
    assertThatThrownBy(
            () ->
                Grid.territorial("g", GridLevel.MICRO)
                    .validFrom(java.time.LocalDate.of(2026, 2, 1))
                    .validTo(java.time.LocalDate.of(2026, 1, 1))
                    .build())
        .hasMessageContaining("before validFrom");
    Grid g =
        Grid.territorial("g", GridLevel.MICRO)
            .validFrom(java.time.LocalDate.of(2026, 1, 1))
            .validTo(java.time.LocalDate.of(2026, 12, 31))
            .build();
    assertThat(g.isValidOn(java.time.LocalDate.of(2026, 6, 1))).isTrue();
    assertThat(g.isValidOn(java.time.LocalDate.of(2027, 1, 1))).isFalse();
  }
}
