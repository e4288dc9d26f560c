package org.gridgov.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;

/**
 * Quotas, monotonicity and ties of star ratings for any points: each branch's total is its full
 * member count (0–100, one linear indicator) plus a 10-point award; quotas are drawn too.
 */
class StarQuotaPropertiesTest {
  /** One case: branch totals (member counts), awards, and the two quota shares in percent. */
  record Case(List<Integer> members, List<Boolean> awarded, int five, int four) {}

  Gen<Case> cases() {
    return Gens.integers(1, 40)
        .flatMap(
            n ->
                Gens.combine(
                    Gens.lists(Gens.oneOf(Gens.integers(0, 100), Gens.elements(85, 90, 95)), n, n),
                    Gens.lists(Gens.booleans(), n, n),
                    Gens.combine(
                        Gens.integers(1, 100), Gens.integers(1, 100), (f, q) -> new int[] {f, q}),
                    (m, a, fq) -> new Case(m, a, fq[0], fq[1])));
  }

  static StarRatings rate(Case c) {
    OrgDirectory.Builder b = OrgDirectory.builder();
    List<String> awarded = new ArrayList<>();
    for (int i = 0; i < c.members().size(); i++) {
      String id = String.format("B%03d", i);
      b.organisation(
          Organisation.builder(id, OrgType.PARTY_BRANCH, id)
              .members(c.members().get(i), 0)
              .build());
      if (c.awarded().get(i)) {
        awarded.add("\"" + id + "\"");
      }
    }
    String json =
        """
        {"format": "gridgov.org-stars/1", "id": "p", "name": "p", "source": "p",
         "indicators": [
          {"key": "m", "points": 100, "measure": "FULL_MEMBERS", "formula": {"type": "linear", "target": 100}},
          {"key": "i", "points": 10, "measure": "AWARDED", "award": "i", "formula": {"type": "binary"}}],
         "stars": [{"stars": 5, "min": 90, "requires": ["i"]}, {"stars": 4, "min": 80},
                   {"stars": 3, "min": 70}, {"stars": 2, "min": 60}, {"stars": 1}],
         "quotas": [{"stars": 5, "maxShare": %s}, {"stars": 4, "maxShare": %s}],
         "awards": [{"award": "i", "year": 2025, "organisations": [%s]}]}
        """
            .formatted(c.five() / 100.0, c.four() / 100.0, String.join(",", awarded));
    StarScheme s =
        StarSchemes.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "p");
    return StarRating.rate(b.build(), s, 2025);
  }

  static int stars(BranchRating b) {
    return b.stars().getAsInt();
  }

  static boolean awarded(BranchRating b) {
    return b.indicators().get(1).points().getAsDouble() > 0;
  }

  @Property(tries = 300)
  void quotasHold(@ForAll("cases") Case c) {
    StarRatings r = rate(c);
    int n = r.ratedCount();
    assertThat(n).isEqualTo(c.members().size());
    assertThat(r.starCounts().get(5)).isLessThanOrEqualTo(c.five() * n / 100);
    assertThat(r.starCounts().get(4)).isLessThanOrEqualTo(c.four() * n / 100);
    for (BranchRating b : r.branches()) {
      assertThat(stars(b)).isLessThanOrEqualTo(b.bandStars().getAsInt());
      assertThat(b.demotion().isPresent()).isEqualTo(stars(b) < b.bandStars().getAsInt());
    }
  }

  @Property(tries = 300)
  void starsAreMonotoneInPointsBeforeAndAfterQuotas(@ForAll("cases") Case c) {
    List<BranchRating> all = rate(c).branches();
    for (BranchRating a : all) {
      for (BranchRating b : all) {
        boolean morePoints = a.total().getAsDouble() >= b.total().getAsDouble();
        if (morePoints && (awarded(a) || !awarded(b))) {
          assertThat(a.bandStars().getAsInt()).isGreaterThanOrEqualTo(b.bandStars().getAsInt());
          assertThat(stars(a)).as("%s vs %s", a, b).isGreaterThanOrEqualTo(stars(b));
        }
      }
    }
  }

  @Property(tries = 300)
  void tiedBranchesOfOneBandEndWithTheSameStars(@ForAll("cases") Case c) {
    List<BranchRating> all = rate(c).branches();
    for (BranchRating a : all) {
      for (BranchRating b : all) {
        if (a.total().getAsDouble() == b.total().getAsDouble()
            && a.bandStars().equals(b.bandStars())) {
          assertThat(a.stars()).isEqualTo(b.stars());
          assertThat(a.rank()).isEqualTo(b.rank());
        }
      }
    }
  }

  @Property(tries = 200)
  void quotasTakeNoMoreThanNeeded(@ForAll("cases") Case c) {
    // at a capped level, if fewer than the cap hold it, nobody was demoted from it
    StarRatings r = rate(c);
    int n = r.ratedCount();
    for (int level : List.of(5, 4)) {
      int cap = (level == 5 ? c.five() : c.four()) * n / 100;
      long demotedFrom =
          r.branches().stream()
              .filter(b -> b.demotion().map(d -> d.contains(level + " → ")).orElse(false))
              .count();
      if (demotedFrom > 0) {
        long held = r.starCounts().get(level);
        long tiedBlock =
            r.branches().stream()
                .filter(b -> b.demotion().map(d -> d.contains(level + " → ")).orElse(false))
                .filter(b -> b.demotion().get().contains("never splits a tie"))
                .count();
        assertThat(held + (tiedBlock > 0 ? tiedBlock : 1)).isGreaterThan(cap);
      }
    }
  }
}
