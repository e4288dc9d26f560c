package org.gridgov.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The findings of one validation or read, in the order they were found: the one container every
 * GridGov validator returns. Immutable and thread-safe; build one with {@link #of} or {@link
 * #builder()}.
 *
 * <p>The views ({@link #errors()}, {@link #warnings()}, {@link #infos()}) partition the findings by
 * severity and keep their order. A command line prints {@link #render()} (one {@link
 * Finding#render()} line per finding) and exits 1 when {@link #hasErrors()}.
 */
public final class Findings implements Iterable<Finding> {
  private static final Findings NONE = new Findings(List.of());

  private final List<Finding> all;

  private Findings(List<Finding> all) {
    this.all = all;
  }

  /**
   * No findings.
   *
   * @return the empty container
   */
  public static Findings none() {
    return NONE;
  }

  /**
   * The given findings, in order.
   *
   * @param findings the findings, no nulls
   * @return the container
   */
  public static Findings of(Collection<? extends Finding> findings) {
    return findings.isEmpty() ? NONE : new Findings(List.copyOf(findings));
  }

  /**
   * The given findings, in order.
   *
   * @param findings the findings
   * @return the container
   */
  public static Findings of(Finding... findings) {
    return of(List.of(findings));
  }

  /**
   * A builder that collects findings.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Every finding, in the order found.
   *
   * @return the findings
   */
  public List<Finding> all() {
    return all;
  }

  /**
   * The findings of one severity, in order.
   *
   * @param severity the severity
   * @return the findings
   */
  public List<Finding> bySeverity(Severity severity) {
    Objects.requireNonNull(severity, "severity");
    return all.stream().filter(f -> f.severity() == severity).toList();
  }

  /**
   * The errors, in order.
   *
   * @return the findings with {@link Severity#ERROR}
   */
  public List<Finding> errors() {
    return bySeverity(Severity.ERROR);
  }

  /**
   * The warnings, in order.
   *
   * @return the findings with {@link Severity#WARNING}
   */
  public List<Finding> warnings() {
    return bySeverity(Severity.WARNING);
  }

  /**
   * The informational findings, in order.
   *
   * @return the findings with {@link Severity#INFO}
   */
  public List<Finding> infos() {
    return bySeverity(Severity.INFO);
  }

  /**
   * Whether any finding is an error.
   *
   * @return true when there is an error
   */
  public boolean hasErrors() {
    return all.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /**
   * Whether there are no findings at all.
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return all.isEmpty();
  }

  /**
   * How many findings there are.
   *
   * @return the count
   */
  public int size() {
    return all.size();
  }

  /**
   * The findings as a stream.
   *
   * @return a stream in order
   */
  public Stream<Finding> stream() {
    return all.stream();
  }

  /**
   * These findings followed by others.
   *
   * @param more the findings to append
   * @return a new container
   */
  public Findings plus(Findings more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Finding> out = new ArrayList<>(all);
    out.addAll(more.all);
    return new Findings(List.copyOf(out));
  }

  /**
   * Every finding as one line, {@link Finding#render()}, separated by line breaks.
   *
   * @return the text, empty when there are no findings
   */
  public String render() {
    return all.stream().map(Finding::render).collect(Collectors.joining("\n"));
  }

  @Override
  public Iterator<Finding> iterator() {
    return all.iterator();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Findings f && f.all.equals(all);
  }

  @Override
  public int hashCode() {
    return all.hashCode();
  }

  @Override
  public String toString() {
    return all.size() + " finding" + (all.size() == 1 ? "" : "s") + all;
  }

  /** Collects findings in order. Not thread-safe. */
  public static final class Builder {
    private final List<Finding> all = new ArrayList<>();

    private Builder() {}

    /**
     * Adds one finding.
     *
     * @param finding the finding
     * @return this builder
     */
    public Builder add(Finding finding) {
      all.add(Objects.requireNonNull(finding, "finding"));
      return this;
    }

    /**
     * Adds findings.
     *
     * @param findings the findings
     * @return this builder
     */
    public Builder addAll(Iterable<? extends Finding> findings) {
      findings.forEach(this::add);
      return this;
    }

    /**
     * Adds an error without a location.
     *
     * @param code the code
     * @param message the message
     * @param subjects the ids concerned
     * @return this builder
     */
    public Builder error(Finding.Code code, String message, String... subjects) {
      return add(Finding.of(Severity.ERROR, code, message, subjects));
    }

    /**
     * Adds a warning without a location.
     *
     * @param code the code
     * @param message the message
     * @param subjects the ids concerned
     * @return this builder
     */
    public Builder warning(Finding.Code code, String message, String... subjects) {
      return add(Finding.of(Severity.WARNING, code, message, subjects));
    }

    /**
     * Whether an error has been added.
     *
     * @return true when there is an error
     */
    public boolean hasErrors() {
      return all.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /**
     * The findings so far.
     *
     * @return an immutable container
     */
    public Findings build() {
      return Findings.of(all);
    }
  }
}
