package org.gridgov.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.GridId;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Property;

/**
 * Every query of {@link OrgDirectory}'s indexes (compressed-row {@link GroupIndex}es over a {@link
 * KeyTable}, built on first use) equals a brute-force filter over the directory's lists, on
 * generated directories: small ones with many shared keys (parents, grids, people named twice or
 * not at all) and larger ones whose key tables grow.
 */
class OrgDirectoryIndexPropertyTest {
  private static final List<LocalDate> DAYS =
      List.of(
          LocalDate.of(2019, 6, 1),
          LocalDate.of(2021, 3, 4),
          LocalDate.of(2023, 9, 9),
          LocalDate.of(2030, 1, 1));

  @Property(tries = 300)
  void everyQueryEqualsAFilterOverTheLists(@ForAll("directories") OrgDirectory d) {
    assertQueriesMatchTheLists(d, 12);
  }

  @Property(tries = 30)
  void largerDirectoriesToo(@ForAll("large") OrgDirectory d) {
    assertQueriesMatchTheLists(d, 400);
  }

  @Property(tries = 50)
  void theViewsAreUnmodifiable(@ForAll("directories") OrgDirectory d) {
    for (Post p : d.posts()) {
      List<Post> of = d.postsOf(p.person());
      assertThatThrownBy(() -> of.add(p)).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> of.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }
    for (Organisation o : d.organisations()) {
      for (GridId g : o.grids()) {
        List<Organisation> on = d.organisationsOn(g);
        assertThatThrownBy(() -> on.set(0, o)).isInstanceOf(UnsupportedOperationException.class);
      }
    }
  }

  private static void assertQueriesMatchTheLists(OrgDirectory d, int range) {
    for (int i = -1; i < range; i++) {
      String o = "O" + i;
      assertThat(d.organisation(o))
          .isEqualTo(d.organisations().stream().filter(x -> x.id().equals(o)).findFirst());
      assertThat(d.children(o))
          .containsExactlyElementsOf(
              d.organisations().stream().filter(x -> x.parent().equals(Optional.of(o))).toList());
      String p = "P" + i;
      assertThat(d.person(p))
          .isEqualTo(d.people().stream().filter(x -> x.id().equals(p)).findFirst());
      assertThat(d.postsOf(p))
          .containsExactlyElementsOf(d.posts().stream().filter(x -> x.person().equals(p)).toList());
      GridId g = GridId.of("G" + (i + 1));
      List<Organisation> on = new ArrayList<>();
      for (Organisation x : d.organisations()) {
        for (GridId xg : x.grids()) {
          if (xg.equals(g)) {
            on.add(x); // an organisation naming a grid twice is there twice
          }
        }
      }
      assertThat(d.organisationsOn(g)).containsExactlyElementsOf(on);
      for (LocalDate day : DAYS) {
        assertThat(d.postsOn(g, day))
            .containsExactlyElementsOf(
                d.posts().stream()
                    .filter(x -> x.grid().equals(Optional.of(g)) && x.isHeldOn(day))
                    .toList());
        assertThat(d.postsIn(o, day))
            .containsExactlyElementsOf(
                d.posts().stream()
                    .filter(x -> x.organisation().equals(Optional.of(o)) && x.isHeldOn(day))
                    .toList());
      }
    }
  }

  static Gen<OrgDirectory> directories() {
    return OrgDirectoriesPropertyTest.directories();
  }

  static Gen<OrgDirectory> large() {
    return src -> {
      OrgDirectory.Builder b = OrgDirectory.builder();
      int orgs = src.ints(0, 300);
      for (int i = 0; i < orgs; i++) {
        Organisation.Builder o =
            Organisation.builder("O" + i, OrgType.values()[src.ints(0, 13)], "org " + i);
        if (src.ints(0, 3) > 0) {
          o.parent("O" + src.ints(0, 399));
        }
        List<GridId> grids = new ArrayList<>();
        for (int k = src.ints(0, 3); k > 0; k--) {
          grids.add(GridId.of("G" + src.ints(0, 399)));
        }
        o.grids(grids);
        b.organisation(o.build());
      }
      int people = src.ints(0, 350);
      for (int i = 0; i < people; i++) {
        b.person(new Person("P" + i, "n" + i, Person.Membership.values()[src.ints(0, 2)]));
      }
      for (int i = src.ints(0, 900); i > 0; i--) {
        PostKind kind = PostKind.values()[src.ints(0, PostKind.values().length - 1)];
        LocalDate from = LocalDate.of(2018, 1, 1).plusDays(src.ints(0, 4000));
        Post post =
            src.booleans()
                ? Post.onGrid("P" + src.ints(0, 399), kind, GridId.of("G" + src.ints(0, 399)), from)
                : Post.inOrganisation("P" + src.ints(0, 399), kind, "O" + src.ints(0, 399), from);
        b.post(src.booleans() ? post : post.until(from.plusDays(src.ints(0, 2000))));
      }
      return b.build();
    };
  }
}
