package org.gridgov.core;

import java.util.List;
import java.util.Objects;

/**
 * One structural problem of a grid hierarchy, with the ids involved. Reported all together by
 * {@link GridHierarchy.Builder#problems()} and {@link HierarchyException}.
 *
 * @param kind what is wrong
 * @param ids the grids involved, the offending grid first
 * @param message one line for a person
 */
public record HierarchyProblem(Kind kind, List<GridId> ids, String message) implements Finding {
  /** The kinds of structural problem; the finding codes of grid-core. */
  public enum Kind implements Finding.Code {
    /** Two grids share an id. */
    DUPLICATE_ID,
    /** A territorial grid names a parent that does not exist. */
    UNKNOWN_PARENT,
    /** Following parents (or owners) leads back to the start. */
    CYCLE,
    /** A grid's level is not on the ladder. */
    UNKNOWN_LEVEL,
    /** A grid's level is not strictly below its parent's (or owner's) level. */
    LEVEL_OUT_OF_ORDER,
    /** An exclusive grid has no owner, or its owner does not exist. */
    MISSING_OWNER,
    /** An exclusive grid names a parent: it may only have an owner and coverage links. */
    EXCLUSIVE_WITH_PARENT,
    /** An exclusive grid is owned by another exclusive grid. */
    OWNER_NOT_TERRITORIAL,
    /** A territorial grid names an owner or coverage, which only exclusive grids have. */
    TERRITORIAL_WITH_OWNER,
    /** A coverage link names a grid that does not exist or is not territorial. */
    BAD_COVERAGE
  }

  /**
   * Copies the ids.
   *
   * @param kind what is wrong
   * @param ids the grids involved
   * @param message one line for a person
   */
  public HierarchyProblem {
    Objects.requireNonNull(kind, "kind");
    ids = List.copyOf(ids);
    Objects.requireNonNull(message, "message");
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String code() {
    return kind.name();
  }

  @Override
  public List<String> subjects() {
    return ids.stream().map(GridId::value).toList();
  }
}
