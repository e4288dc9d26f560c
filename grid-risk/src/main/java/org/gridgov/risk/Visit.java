package org.gridgov.risk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One visit or inspection of an element by a worker (走访、巡查): when, by whom, which checks were done,
 * what was found and when feedback on the findings was given.
 *
 * @param element the element id
 * @param at when the visit took place
 * @param by who visited (a person id)
 * @param checks the checks done, by id
 * @param findings what was found (empty when nothing)
 * @param feedbackAt when feedback on the findings was given, if it was
 */
public record Visit(
    String element,
    Instant at,
    String by,
    List<String> checks,
    List<String> findings,
    Optional<Instant> feedbackAt) {
  /**
   * Checks and copies the fields.
   *
   * @param element the element id
   * @param at when
   * @param by who
   * @param checks the checks done
   * @param findings the findings
   * @param feedbackAt when feedback was given
   */
  public Visit {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(by, "by");
    checks = List.copyOf(checks);
    findings = List.copyOf(findings);
    Objects.requireNonNull(feedbackAt, "feedbackAt");
    if (feedbackAt.isPresent() && feedbackAt.get().isBefore(at)) {
      throw new IllegalArgumentException(
          "feedback at " + feedbackAt.get() + " is before the visit at " + at);
    }
  }

  /**
   * A visit without findings.
   *
   * @param element the element id
   * @param at when
   * @param by who
   * @param checks the checks done
   * @return the visit
   */
  public static Visit of(String element, Instant at, String by, List<String> checks) {
    return new Visit(element, at, by, checks, List.of(), Optional.empty());
  }
}
