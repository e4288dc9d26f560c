package org.gridgov.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.gridgov.core.Finding;
import org.gridgov.core.Severity;

/**
 * How every command prints findings and decides its exit code on them: one line per finding, made
 * of columns taken from the finding ({@link Finding#severity()}, {@link Finding#code()}, {@link
 * Finding#message()}, or a detail of the finding type such as a WKT region or a witness), with a
 * prefix and a separator. The columns of each command are part of its output format and pinned by
 * its tests; this class only makes them be printed the same way.
 *
 * <p>The exit code is decided one way for all of them ({@link #exitCode}): {@link
 * GridGovCli#FINDINGS} when a finding at or above a severity is present, {@link GridGovCli#OK}
 * otherwise. Validators count warnings and errors ({@link #COUNTED}, informational notes never
 * count); a command that only refuses to run on broken input (the demo's sample checks) counts
 * errors. Immutable.
 *
 * @param <F> the finding type
 */
final class FindingLines<F extends Finding> {
  /** The lowest severity a validator's exit code counts: informational notes never count. */
  static final Severity COUNTED = Severity.WARNING;

  private final String prefix;
  private final String separator;
  private final String lineEnd;
  private final List<Function<? super F, String>> columns;

  private FindingLines(
      String prefix, String separator, String lineEnd, List<Function<? super F, String>> columns) {
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.separator = Objects.requireNonNull(separator, "separator");
    this.lineEnd = Objects.requireNonNull(lineEnd, "lineEnd");
    this.columns = List.copyOf(columns);
  }

  /**
   * Tab-separated columns, lines ending with LF: the machine-readable form of {@code validate},
   * {@code check-lists} and {@code verify-table}.
   *
   * @param columns the columns
   * @param <F> the finding type
   * @return the printer
   */
  @SafeVarargs
  static <F extends Finding> FindingLines<F> tabbed(Function<? super F, String>... columns) {
    return new FindingLines<F>("", "\t", "\n", Arrays.asList(columns));
  }

  /**
   * Space-separated columns after a prefix, lines ending with the platform's line separator: the
   * human form of {@code hierarchy} and the demo.
   *
   * @param prefix printed before each line
   * @param columns the columns
   * @param <F> the finding type
   * @return the printer
   */
  @SafeVarargs
  static <F extends Finding> FindingLines<F> spaced(
      String prefix, Function<? super F, String>... columns) {
    return new FindingLines<F>(prefix, " ", System.lineSeparator(), Arrays.asList(columns));
  }

  /** Column: the severity, upper case ({@code ERROR}). */
  static String severity(Finding f) {
    return f.severity().name();
  }

  /** Column: the code ({@code OVERLAP}). */
  static String code(Finding f) {
    return f.code();
  }

  /** Column: the message. */
  static String message(Finding f) {
    return f.message();
  }

  /**
   * A column of ids joined by a delimiter.
   *
   * @param ids the ids of a finding
   * @param delimiter between ids
   * @param none printed when there are none
   * @param <F> the finding type
   * @return the column
   */
  static <F extends Finding> Function<F, String> joined(
      Function<? super F, ? extends Collection<String>> ids, String delimiter, String none) {
    return f -> {
      Collection<String> c = ids.apply(f);
      return c.isEmpty() ? none : String.join(delimiter, c);
    };
  }

  /**
   * Prints one line per finding.
   *
   * @param out where to print
   * @param findings the findings, in the order to print them
   * @return how many of them count at or above {@link #COUNTED}
   */
  int print(PrintWriter out, Iterable<? extends F> findings) {
    int counted = 0;
    StringBuilder line = new StringBuilder();
    for (F f : findings) {
      line.setLength(0);
      line.append(prefix);
      for (int i = 0; i < columns.size(); i++) {
        if (i > 0) {
          line.append(separator);
        }
        line.append(columns.get(i).apply(f));
      }
      out.print(line.append(lineEnd));
      if (counts(f, COUNTED)) {
        counted++;
      }
    }
    return counted;
  }

  /**
   * The exit code on findings, decided the same way for every command.
   *
   * @param findings the findings
   * @param atLeast the lowest severity that counts
   * @return {@link GridGovCli#FINDINGS} when some finding counts, else {@link GridGovCli#OK}
   */
  static int exitCode(Iterable<? extends Finding> findings, Severity atLeast) {
    for (Finding f : findings) {
      if (counts(f, atLeast)) {
        return GridGovCli.FINDINGS;
      }
    }
    return GridGovCli.OK;
  }

  /**
   * The exit code of a validator: {@link GridGovCli#FINDINGS} when a warning or an error is
   * present.
   *
   * @param findings the findings
   * @return the exit code
   */
  static int exitCode(Iterable<? extends Finding> findings) {
    return exitCode(findings, COUNTED);
  }

  private static boolean counts(Finding f, Severity atLeast) {
    return f.severity().compareTo(atLeast) >= 0;
  }
}
