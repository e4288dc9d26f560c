package org.gridgov.core.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gridgov.core.BasicFinding;
import org.gridgov.core.Finding;
import org.gridgov.core.Findings;
import org.gridgov.core.InputCode;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Severity;
import org.gridgov.core.SourceLocation;

/**
 * The problems found while reading one input, in one of two modes:
 *
 * <ul>
 *   <li>{@link Mode#FIRST_ERROR}: the first error is thrown at once as a located {@link
 *       InvalidInputException};
 *   <li>{@link Mode#ALL_ERRORS}: errors are collected; a reader that cannot go on with a value (a
 *       required member is missing, …) abandons only that value and its siblings are still checked.
 *       At the end {@link #throwIfErrors()} throws one {@link InvalidInputException} listing every
 *       error ({@link InvalidInputException#problems()}), or {@link #findings()} returns them.
 * </ul>
 *
 * <p>Locations: every problem has the source and, when known, a JSON pointer; for a JSON document
 * read by {@link Json} the line and column of the pointer are looked up in the document text (one
 * pass, only when there are problems); JSON Lines and CSV problems carry their line.
 *
 * <p>Abandoning a value: {@link #fail} records an error and returns the exception to throw — the
 * {@link InvalidInputException} itself in first-error mode, an internal unwinding signal in
 * all-errors mode that {@link #attempt}, {@link JsonNodeAt#elements(Function)}, {@link JsonLines}
 * and the {@code Json.read} front doors catch. Code between a getter and those methods must not
 * catch {@code RuntimeException}.
 *
 * <p>At most {@link #MAX_PROBLEMS} errors are collected; the next one ends the read. One instance
 * per read; not thread-safe.
 */
public final class Problems {
  /** How many errors an all-errors read collects before it gives up. */
  public static final int MAX_PROBLEMS = 200;

  /** How many characters of an input value a message quotes; see {@link #quote(String)}. */
  public static final int MAX_QUOTE_CHARS = 200;

  /** Whether to stop at the first error or collect them all. */
  public enum Mode {
    /** Throw the first error at once. */
    FIRST_ERROR,
    /** Collect every error, then throw them together (or return them). */
    ALL_ERRORS
  }

  /** Unwinds the reading of one value in all-errors mode; carries no stack trace. */
  static final class Skip extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Skip() {
      super("value abandoned after a recorded problem", null, false, false);
    }
  }

  /** Finds the line and column of pointers in a document. */
  @FunctionalInterface
  interface Locator {
    Map<String, int[]> locate(Set<String> pointers);
  }

  private record Entry(
      Severity severity, InputCode code, int line, int column, String pointer, String reason) {}

  private final String source;
  private final Mode mode;
  private final List<Entry> entries = new ArrayList<>();
  private Locator locator;
  private int line;
  private int errors;

  private Problems(String source, Mode mode) {
    this.source = Objects.requireNonNull(source, "source");
    this.mode = Objects.requireNonNull(mode, "mode");
  }

  /**
   * A collector that throws the first error.
   *
   * @param source the file or stream name used in messages (may be empty)
   * @return the collector
   */
  public static Problems firstError(String source) {
    return new Problems(source, Mode.FIRST_ERROR);
  }

  /**
   * A collector that collects every error.
   *
   * @param source the file or stream name used in messages (may be empty)
   * @return the collector
   */
  public static Problems allErrors(String source) {
    return new Problems(source, Mode.ALL_ERRORS);
  }

  /**
   * A collector in a mode.
   *
   * @param source the source name
   * @param mode the mode
   * @return the collector
   */
  public static Problems of(String source, Mode mode) {
    return new Problems(source, mode);
  }

  /**
   * The source name.
   *
   * @return the name, may be empty
   */
  public String source() {
    return source;
  }

  /**
   * The mode.
   *
   * @return the mode
   */
  public Mode mode() {
    return mode;
  }

  void locator(Locator value) {
    this.locator = value;
  }

  /** Sets the line that problems without their own line are attributed to (JSON Lines). */
  void currentLine(int value) {
    this.line = value;
  }

  /**
   * Records an error at a pointer; in first-error mode throws it.
   *
   * @param code the kind of problem
   * @param pointer the JSON pointer or locator, may be empty
   * @param reason what is wrong
   * @throws InvalidInputException in first-error mode, or when too many errors were collected
   */
  public void error(InputCode code, String pointer, String reason) {
    record(new Entry(Severity.ERROR, code, 0, 0, pointer, reason));
  }

  /**
   * Records an error at a line and column; in first-error mode throws it.
   *
   * @param code the kind of problem
   * @param line the 1-based line, 0 when unknown
   * @param column the 1-based column, 0 when unknown
   * @param reason what is wrong
   */
  public void errorAt(InputCode code, int line, int column, String reason) {
    record(new Entry(Severity.ERROR, code, line, column, "", reason));
  }

  /**
   * Records a warning at a pointer; never throws.
   *
   * @param code the kind of problem
   * @param pointer the pointer, may be empty
   * @param reason what is suspicious
   */
  public void warning(InputCode code, String pointer, String reason) {
    entries.add(new Entry(Severity.WARNING, code, line, 0, pointer, reason));
  }

  /**
   * Records an error and returns the exception that abandons the current value: {@code throw
   * problems.fail(...)}.
   *
   * @param code the kind of problem
   * @param pointer the pointer, may be empty
   * @param reason what is wrong
   * @return the exception to throw
   */
  public RuntimeException fail(InputCode code, String pointer, String reason) {
    error(code, pointer, reason);
    return new Skip();
  }

  /**
   * Records a located exception thrown by other code (for example a nested reader in first-error
   * mode) as an error; in first-error mode rethrows it unchanged.
   *
   * @param e the exception
   */
  public void add(InvalidInputException e) {
    if (mode == Mode.FIRST_ERROR) {
      throw e;
    }
    for (Finding f : e.problems().errors()) {
      SourceLocation l = f.location().orElse(SourceLocation.UNKNOWN);
      InputCode code =
          f instanceof BasicFinding b && b.kind() instanceof InputCode c ? c : InputCode.BAD_VALUE;
      record(new Entry(Severity.ERROR, code, l.line(), l.column(), l.pointer(), f.message()));
    }
  }

  /**
   * Runs a reader; a value it abandoned (all-errors mode) becomes empty.
   *
   * @param reader reads one value
   * @param <T> the value type
   * @return the value, or empty when it was abandoned or the reader returned {@code null}
   * @throws InvalidInputException in first-error mode
   */
  public <T> Optional<T> attempt(Supplier<T> reader) {
    try {
      return Optional.ofNullable(reader.get());
    } catch (Skip e) {
      return Optional.empty();
    }
  }

  /**
   * Whether an error has been recorded.
   *
   * @return true when there is an error
   */
  public boolean hasErrors() {
    return errors > 0;
  }

  /**
   * How many errors have been recorded.
   *
   * @return the count
   */
  public int errorCount() {
    return errors;
  }

  /**
   * Every problem so far, located.
   *
   * @return the findings, in the order found
   */
  public Findings findings() {
    Map<String, int[]> where = Map.of();
    if (locator != null) {
      Set<String> wanted = new HashSet<>();
      for (Entry e : entries) {
        if (e.line() == 0 && !e.pointer().isEmpty()) {
          wanted.add(e.pointer());
        }
      }
      if (!wanted.isEmpty()) {
        where = locator.locate(wanted);
      }
    }
    List<Finding> out = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      int[] lc = e.line() == 0 ? where.get(e.pointer()) : null;
      int l = lc != null ? lc[0] : e.line();
      int c = lc != null ? lc[1] : e.column();
      out.add(
          new BasicFinding(
              e.severity(),
              e.code(),
              List.of(),
              Optional.of(new SourceLocation(source, l, c, e.pointer())),
              e.reason()));
    }
    return Findings.of(out);
  }

  /**
   * Throws every recorded error as one {@link InvalidInputException}; does nothing without errors.
   *
   * @throws InvalidInputException listing the errors
   */
  public void throwIfErrors() {
    if (errors > 0) {
      throw InvalidInputException.of(findings());
    }
  }

  /**
   * Quotes input for a message, bounded: {@code 'text'}, or the first {@link #MAX_QUOTE_CHARS}
   * characters then {@code …' (N characters)}.
   *
   * @param text the input text
   * @return the quoted text
   */
  public static String quote(String text) {
    if (text.length() <= MAX_QUOTE_CHARS) {
      return "'" + text + "'";
    }
    int cut = MAX_QUOTE_CHARS;
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return "'" + text.substring(0, cut) + "…' (" + text.length() + " characters)";
  }

  private void record(Entry e) {
    Entry located = e.line() == 0 && line > 0 ? withLine(e, line) : e;
    entries.add(located);
    errors++;
    if (mode == Mode.FIRST_ERROR) {
      throw InvalidInputException.of(findings());
    }
    if (errors > MAX_PROBLEMS) {
      entries.add(
          new Entry(
              Severity.ERROR,
              InputCode.LIMIT,
              0,
              0,
              "",
              "more than " + MAX_PROBLEMS + " problems; stopped reading"));
      throw InvalidInputException.of(findings());
    }
  }

  private static Entry withLine(Entry e, int line) {
    return new Entry(e.severity(), e.code(), line, e.column(), e.pointer(), e.reason());
  }
}
