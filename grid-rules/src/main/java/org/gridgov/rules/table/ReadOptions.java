package org.gridgov.rules.table;

import java.util.Objects;
import java.util.Optional;

/**
 * How {@link DecisionTables} reads a table document: which decision to take, which format the
 * document is in, and how large it may be. Immutable; start from {@link #defaults()} and derive
 * copies with the {@code with...} methods:
 *
 * <pre>{@code
 * DecisionTable t = DecisionTables.read(file, ReadOptions.defaults().withDecision("Route"));
 * }</pre>
 */
public final class ReadOptions {
  /** The default input bound: 16 MiB. */
  public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

  /** The format of a table document. */
  public enum Format {
    /**
     * Chosen from the document: for a file by its extension ({@code .dmn} or {@code .xml} is DMN,
     * anything else JSON); for a stream by its first non-blank character ({@code <} is DMN).
     */
    AUTO,
    /** The GridGov JSON table format of docs/decision-tables.md. */
    JSON,
    /** DMN 1.2–1.5 XML. */
    DMN
  }

  private static final ReadOptions DEFAULTS = new ReadOptions(null, Format.AUTO, DEFAULT_MAX_BYTES);

  private final String decision;
  private final Format format;
  private final long maxBytes;

  private ReadOptions(String decision, Format format, long maxBytes) {
    this.decision = decision;
    this.format = format;
    this.maxBytes = maxBytes;
  }

  /**
   * The defaults: the document's only decision, format {@link Format#AUTO}, at most {@value
   * #DEFAULT_MAX_BYTES} bytes.
   *
   * @return the defaults
   */
  public static ReadOptions defaults() {
    return DEFAULTS;
  }

  /**
   * A copy that takes the decision with this name or id: in a DMN document the decision table of
   * that name or id, in a JSON document the table, which must have that name or id.
   *
   * @param nameOrId the decision's name or id
   * @return the copy
   * @throws IllegalArgumentException if the name is blank
   */
  public ReadOptions withDecision(String nameOrId) {
    Objects.requireNonNull(nameOrId, "decision");
    if (nameOrId.isBlank()) {
      throw new IllegalArgumentException("the decision name or id must not be blank");
    }
    return new ReadOptions(nameOrId, format, maxBytes);
  }

  /**
   * A copy that reads the given format instead of guessing it.
   *
   * @param documentFormat the format
   * @return the copy
   */
  public ReadOptions withFormat(Format documentFormat) {
    return new ReadOptions(decision, Objects.requireNonNull(documentFormat, "format"), maxBytes);
  }

  /**
   * A copy with another input bound; a larger document is refused with an {@link
   * org.gridgov.core.InvalidInputException}.
   *
   * @param max the largest accepted document, in bytes, in [1, 2^31 - 9]
   * @return the copy
   * @throws IllegalArgumentException if {@code max} is out of range
   */
  public ReadOptions withMaxBytes(long max) {
    if (max < 1 || max > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxBytes must be in [1, 2^31 - 9], was " + max);
    }
    return new ReadOptions(decision, format, max);
  }

  /**
   * The decision to take, if one was named.
   *
   * @return the name or id, or empty to take the document's only decision
   */
  public Optional<String> decision() {
    return Optional.ofNullable(decision);
  }

  /**
   * The document format.
   *
   * @return the format
   */
  public Format format() {
    return format;
  }

  /**
   * The largest accepted document.
   *
   * @return the bound in bytes
   */
  public long maxBytes() {
    return maxBytes;
  }

  @Override
  public String toString() {
    return "ReadOptions[decision="
        + (decision == null ? "any" : decision)
        + ", format="
        + format
        + ", maxBytes="
        + maxBytes
        + "]";
  }
}
