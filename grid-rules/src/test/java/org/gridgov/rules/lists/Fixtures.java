package org.gridgov.rules.lists;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.GridLevel;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.TimeLimits;

/** Small hand-made list entries for tests. */
final class Fixtures {
  static final TimeLimits FOUR_HOURS =
      new TimeLimits(TimeLimit.workingHours(4), TimeLimit.workingHours(2));

  private Fixtures() {}

  static Department dept(String id) {
    return new Department(id, "部门" + id, GridLevel.CITY, true);
  }

  static Item item(String code, GridLevel level, boolean auto) {
    return Item.builder(code, "事项" + code, level, FOUR_HOURS)
        .category("市容环境", "环境卫生")
        .autoDispatch(auto)
        .defaultDepartment("CG")
        .build();
  }

  static AuthorityEntry authority(String code) {
    return new AuthorityEntry(
        code, GridLevel.CITY, java.util.List.of("CG"), PowerType.SERVICE, "", java.util.List.of());
  }

  static AccessEntry access(String code, GridLevel level, String dept, String from, String to) {
    return new AccessEntry(
        code,
        level,
        dept,
        "WGZX",
        LocalDate.parse(from),
        Optional.ofNullable(to).map(LocalDate::parse),
        false,
        true);
  }

  static AccessEntry temporary(String code, GridLevel level, String dept, String from, String to) {
    return new AccessEntry(
        code,
        level,
        dept,
        "WGZX",
        LocalDate.parse(from),
        Optional.of(LocalDate.parse(to)),
        true,
        true);
  }

  static AccessEntry unannounced(String code, GridLevel level, String dept, String from) {
    return new AccessEntry(
        code, level, dept, "WGZX", LocalDate.parse(from), Optional.empty(), false, false);
  }

  static ProhibitedEntry prohibited(String code, GridLevel... levels) {
    return new ProhibitedEntry(code, "禁入" + code, Set.of(levels), "不得下派");
  }

  /** Departments CG, HB and WGZX; items 01001 (community, auto) and 01002 (street). */
  static GovernanceLists.Builder base() {
    return GovernanceLists.builder()
        .department(dept("CG"))
        .department(dept("HB"))
        .department(new Department("WGZX", "网格中心", GridLevel.CITY, false))
        .item(item("01001", GridLevel.COMMUNITY, true))
        .item(item("01002", GridLevel.STREET, false))
        .authority(authority("01001"));
  }
}
