package org.gridgov.cli.demo;

import java.util.Objects;
import org.gridgov.core.Finding;
import org.gridgov.core.Severity;

/**
 * One problem found while validating the sample city: which file, what, how bad. The findings of
 * every validator (coverage, lists, decision tables, scoring schemes, patrol points, exclusive-grid
 * coverage) are gathered into this one shape so that the demo prints them alike.
 *
 * @param severity how bad
 * @param code a stable code, such as {@code coverage/GAP} or {@code patrol/OUTSIDE_GRID}
 * @param file the sample file the finding is about
 * @param message what is wrong, naming the grid, item, rule or point
 */
public record SampleFinding(Severity severity, String code, String file, String message)
    implements Finding {

  /**
   * Checks for nulls.
   *
   * @param severity the severity
   * @param code the code
   * @param file the file
   * @param message the message
   */
  public SampleFinding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Wraps another module's finding.
   *
   * @param prefix the code prefix naming the validator, such as {@code coverage}
   * @param file the file
   * @param f the finding
   * @return the sample finding
   */
  static SampleFinding of(String prefix, String file, Finding f) {
    return new SampleFinding(f.severity(), prefix + "/" + f.code(), file, f.message());
  }

  @Override
  public String toString() {
    return severity + " " + code + " " + file + ": " + message;
  }
}
