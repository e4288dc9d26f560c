package org.gridgov.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

class FindingsTest {
  enum Code implements Finding.Code {
    ONE,
    TWO
  }

  Gen<List<Finding>> findings() {
    Gen<Finding> one =
        Gens.combine(
            Gens.enums(Severity.class),
            Gens.enums(Code.class),
            Gens.strings(0, 5),
            (s, c, m) -> Finding.of(s, c, m));
    return Gens.lists(one, 0, 30);
  }

  @Property(tries = 200)
  void severityViewsPartitionTheFindingsInOrder(@ForAll("findings") List<Finding> list) {
    Findings f = Findings.of(list);
    List<Finding> joined = new ArrayList<>();
    joined.addAll(f.errors());
    joined.addAll(f.warnings());
    joined.addAll(f.infos());
    assertThat(joined).containsExactlyInAnyOrderElementsOf(list);
    for (Severity s : Severity.values()) {
      assertThat(f.bySeverity(s)).isEqualTo(list.stream().filter(x -> x.severity() == s).toList());
    }
    assertThat(f.hasErrors()).isEqualTo(!f.errors().isEmpty());
    assertThat(f.isEmpty()).isEqualTo(list.isEmpty());
    assertThat(f.size()).isEqualTo(list.size());
    assertThat(f.render().isEmpty()).isEqualTo(list.isEmpty());
  }

  @Test
  void rendersOneLineWithCodeLocationAndIds() {
    Finding f =
        Finding.at(
            Severity.ERROR,
            Code.ONE,
            new SourceLocation("g.json", 3, 5, "/grids/2"),
            "grid id a is used twice",
            "a");
    assertThat(f.render()).isEqualTo("error ONE g.json:3:5: /grids/2: grid id a is used twice");
    assertThat(f.subjects()).containsExactly("a");
    assertThat(Finding.of(Severity.WARNING, Code.TWO, "odd").render()).isEqualTo("warning TWO odd");
    assertThat(Findings.builder().error(Code.ONE, "x").warning(Code.TWO, "y").build().render())
        .isEqualTo("error ONE x\nwarning TWO y");
  }

  @Test
  void findingsAreImmutable() {
    List<Finding> list = new ArrayList<>(List.of(Finding.of(Severity.INFO, Code.ONE, "x")));
    Findings f = Findings.of(list);
    list.clear();
    assertThat(f.size()).isEqualTo(1);
    assertThatThrownBy(() -> f.all().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void hierarchyProblemsAreFindings() {
    GridHierarchy.Builder b =
        GridHierarchy.builder(LevelLadder.defaults())
            .add(Grid.territorial("c", GridLevel.COMMUNITY).parent(GridId.of("nope")).build());
    Findings f = b.findings();
    assertThat(f.hasErrors()).isTrue();
    Finding p = f.all().get(0);
    assertThat(p.code()).isEqualTo("UNKNOWN_PARENT");
    assertThat(p.subjects()).containsExactly("c", "nope");
    assertThat(p.render()).isEqualTo("error UNKNOWN_PARENT grid c has unknown parent nope");
    assertThatThrownBy(b::build)
        .isInstanceOfSatisfying(
            HierarchyException.class, e -> assertThat(e.findings()).isEqualTo(f));
  }

  @Test
  void oneExceptionCarriesEveryError() {
    Findings two =
        Findings.of(
            Finding.at(Severity.ERROR, Code.ONE, SourceLocation.at("f.json", "/a"), "bad a"),
            Finding.at(Severity.WARNING, Code.TWO, SourceLocation.at("f.json", "/w"), "odd"),
            Finding.at(
                Severity.ERROR, Code.TWO, new SourceLocation("f.json", 7, 0, "/b"), "bad b"));
    InvalidInputException e = InvalidInputException.of(two);
    assertThat(e).hasMessage("f.json: 2 problems: /a: bad a; line 7: /b: bad b");
    assertThat(e.problems()).isEqualTo(two);
    InvalidInputException one = InvalidInputException.of(Findings.of(two.all().get(0)));
    assertThat(one).hasMessage("f.json: /a: bad a");
    assertThat(one.pointer()).contains("/a");
    assertThat(one.withLine(4)).hasMessage("f.json:4: /a: bad a");
    assertThatThrownBy(() -> InvalidInputException.of(Findings.of(two.all().get(1))))
        .isInstanceOf(IllegalArgumentException.class);
    InvalidInputException plain = InvalidInputException.at("x.json", "/p", "why");
    assertThat(plain.problems().all().get(0).render()).isEqualTo("error BAD_VALUE x.json: /p: why");
  }
}
