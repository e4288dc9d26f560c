package org.gridgov.scoring;

import java.util.Locale;
import java.util.Optional;
import org.gridgov.scoring.internal.EnumKeys;

/**
 * The kind of unit that is assessed (考核对象). A case is attributed to one unit of each kind: its
 * grid, its community and street (the grid's ancestors, docs/domain.md §1), the department it was
 * dispatched or whistled to, and the grid worker responsible for it. Worker-level counts that
 * belong to a role (reporting, filing, dispatching, checking) are attributed to the worker who
 * acted in that role; see {@link Count#role()}.
 */
public enum UnitKind {
  /** A grid (网格), the case's grid as recorded on the case. */
  GRID,
  /** A grid worker (网格员) or other platform operator. */
  WORKER,
  /** A community or village (社区/村), the case grid's community-level ancestor. */
  COMMUNITY,
  /** A street or township (街道/乡镇), the case grid's street-level ancestor. */
  STREET,
  /** A functional department (职能部门 / 联勤单位) that took the case on. */
  DEPARTMENT;

  /** The lower-case name used on the command line and in JSON, e.g. {@code department}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a unit kind by its {@link #key()} or constant name, ignoring case.
   *
   * @param text the text to parse
   * @return the kind, or empty when the text names none
   */
  public static Optional<UnitKind> parse(String text) {
    return EnumKeys.find(values(), UnitKind::key, text);
  }
}
