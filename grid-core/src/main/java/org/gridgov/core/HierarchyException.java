package org.gridgov.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A grid hierarchy could not be built; {@link #problems()} lists every problem found, not only the
 * first.
 */
public final class HierarchyException extends GridGovException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // an immutable List.copyOf of records
  private final List<HierarchyProblem> problems;

  /**
   * Creates the exception.
   *
   * @param problems every problem found, at least one
   */
  public HierarchyException(List<HierarchyProblem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * Every problem found.
   *
   * @return the problems, in a deterministic order
   */
  public List<HierarchyProblem> problems() {
    return problems;
  }

  /**
   * Every problem found, as {@link Findings}.
   *
   * @return the findings, all errors
   */
  public Findings findings() {
    return Findings.of(problems);
  }

  private static String render(List<HierarchyProblem> problems) {
    String head =
        problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in grid hierarchy: ";
    return head
        + problems.stream()
            .limit(20)
            .map(HierarchyProblem::message)
            .collect(Collectors.joining("; "))
        + (problems.size() > 20 ? "; …" : "");
  }
}
