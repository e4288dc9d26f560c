package org.gridgov.org;

import java.util.List;
import java.util.Objects;
import org.gridgov.core.Findings;

/**
 * What {@link OrgCheck} found: the findings, with {@link OrgFindingCode} codes and the ids
 * concerned as subjects, and the four coverages of the whole map and of each area grid. Immutable.
 *
 * @param findings the findings, in a fixed order (organisations, posts, grid rules in rule order
 *     and grids in id order, chief rules, dual reporting)
 * @param total the coverages of the whole map
 * @param areas the coverages per grid at the rules' coverage levels, top level first, then by id
 */
public record OrgReport(Findings findings, OrgCoverage total, List<OrgCoverage> areas) {
  /** Checks the fields and copies the list. */
  public OrgReport {
    Objects.requireNonNull(findings, "findings");
    Objects.requireNonNull(total, "total");
    areas = List.copyOf(areas);
  }
}
