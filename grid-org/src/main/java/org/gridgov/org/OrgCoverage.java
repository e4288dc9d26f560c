package org.gridgov.org;

import com.google.common.base.Preconditions;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;

/**
 * The four full coverages (地域、人员、事务、组织全覆盖) of one area — a grid at a coverage level (district,
 * street, community by default) and everything below it — or of the whole map. Defined in
 * docs/org.md ("Coverage"):
 *
 * <ul>
 *   <li>territory: leaf grids with a grid chief and a full-time grid worker, of all leaf grids;
 *   <li>people: households of the leaf grids with a full-time grid worker, of the households of all
 *       leaf grids (leaf grids that do not state their households weigh nothing);
 *   <li>affairs: leaf grids whose three teams "1 + A + B" are all staffed, counting posts on the
 *       leaf and on its ancestors up to the nearest grid at a coverage level;
 *   <li>organisation: grids that some organisation rule applies to and that satisfy every
 *       organisation rule applying to them, of the grids some organisation rule applies to.
 * </ul>
 *
 * <p>Only grids valid on the as-of date count. Immutable.
 *
 * @param area the area grid, empty for the whole map
 * @param level the area grid's level, empty for the whole map
 * @param territory territory coverage
 * @param people people coverage
 * @param affairs affairs coverage
 * @param organisation organisation coverage
 */
public record OrgCoverage(
    Optional<GridId> area,
    Optional<GridLevel> level,
    Share territory,
    Share people,
    Share affairs,
    Share organisation) {

  /** Checks the fields. */
  public OrgCoverage {
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(territory, "territory");
    Objects.requireNonNull(people, "people");
    Objects.requireNonNull(affairs, "affairs");
    Objects.requireNonNull(organisation, "organisation");
  }

  /**
   * A share: how many of how many are covered.
   *
   * @param covered the covered count (grids or households)
   * @param total the count of all
   */
  public record Share(long covered, long total) {
    /**
     * Checks {@code 0 <= covered <= total}.
     *
     * @throws IllegalArgumentException otherwise
     */
    public Share {
      Preconditions.checkArgument(
          covered >= 0 && covered <= total, "share %s of %s is out of range", covered, total);
    }

    /**
     * The share as a fraction.
     *
     * @return {@code covered / total}, empty when the total is 0 (nothing to cover)
     */
    public OptionalDouble value() {
      return total == 0 ? OptionalDouble.empty() : OptionalDouble.of(covered / (double) total);
    }

    /**
     * Whether everything is covered (also when there is nothing to cover).
     *
     * @return {@code covered == total}
     */
    public boolean full() {
      return covered == total;
    }

    /**
     * The share as {@code 97.5% (39/40)}, or {@code n/a (0/0)}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      OptionalDouble v = value();
      return (v.isPresent()
              ? String.format(java.util.Locale.ROOT, "%.1f%%", 100 * v.getAsDouble())
              : "n/a")
          + " ("
          + covered
          + "/"
          + total
          + ")";
    }
  }
}
