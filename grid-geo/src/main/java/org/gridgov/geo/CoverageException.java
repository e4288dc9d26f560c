package org.gridgov.geo;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.gridgov.core.Findings;
import org.gridgov.core.GridGovException;

/**
 * A strict load refused a grid map because coverage validation found problems; {@link #findings()}
 * lists every one of them, {@link #coverage()} holds them as {@link Findings} (with the file and
 * feature of each when the map was read from GeoJSON). The input itself was well-formed (malformed
 * input is an {@link org.gridgov.core.InvalidInputException}).
 */
public final class CoverageException extends GridGovException {
  private static final long serialVersionUID = 1L;
  private static final int SHOWN = 10;

  @SuppressWarnings("serial") // an immutable List.copyOf of records
  private final List<CoverageFinding> findings;

  /**
   * Creates the exception.
   *
   * @param source what was loaded, for the message (file names)
   * @param findings every finding, at least one
   */
  public CoverageException(String source, List<CoverageFinding> findings) {
    super(render(Objects.requireNonNull(source, "source"), findings));
    this.findings = List.copyOf(findings);
    if (this.findings.isEmpty()) {
      throw new IllegalArgumentException(
          "a coverage exception needs at least one finding, got none");
    }
  }

  /**
   * Every finding.
   *
   * @return the findings, sorted by kind, then grid ids
   */
  public List<CoverageFinding> findings() {
    return findings;
  }

  /**
   * Every finding, as the findings container every GridGov validator returns.
   *
   * @return the findings, in the order of {@link #findings()}
   */
  public Findings coverage() {
    return Findings.of(findings);
  }

  private static String render(String source, List<CoverageFinding> findings) {
    String head =
        (source.isEmpty() ? "" : source + ": ")
            + "grid map refused in strict mode, "
            + findings.size()
            + " coverage finding"
            + (findings.size() == 1 ? "" : "s")
            + ": ";
    return head
        + findings.stream()
            .limit(SHOWN)
            .map(f -> f.code() + " " + f.message())
            .collect(Collectors.joining("; "))
        + (findings.size() > SHOWN ? "; …" : "");
  }
}
