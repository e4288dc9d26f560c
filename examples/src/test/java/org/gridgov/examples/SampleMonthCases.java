package org.gridgov.examples;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.gridgov.cli.demo.Demo;
import org.gridgov.cli.demo.DemoOptions;
import org.gridgov.cli.demo.Progress;
import org.gridgov.cli.demo.SampleCity;
import org.gridgov.core.json.GridGovJson;

/**
 * Makes {@code sample-town/cases-2026-03.jsonl}, the month of cases {@link ScoreMonthExample}
 * scores: the demo's case loop run on the sample town for March 2026 (seed 7, 20 reports a working
 * day), written as JSON Lines with the core writer. {@code SampleMonthCasesTest} checks that the
 * committed file is exactly this; when the demo's loop changes, the test writes the new content to
 * {@code examples/target/cases-2026-03.jsonl}: copy it over the committed file (or run {@link
 * #main} from an IDE with the working directory at the repository root).
 */
final class SampleMonthCases {
  /** The month. */
  static final YearMonth MONTH = YearMonth.of(2026, 3);

  /** Where the file lives, relative to the repository root. */
  static final String FILE = "sample-town/cases-2026-03.jsonl";

  private SampleMonthCases() {}

  /**
   * The file's content.
   *
   * @return the JSON Lines text
   */
  static String generate() {
    DemoOptions options = new DemoOptions(7L, MONTH.atDay(1), MONTH.lengthOfMonth(), 20);
    StringWriter out = new StringWriter();
    GridGovJson.writeCases(
        Demo.run(SampleCity.bundled(), options, Progress.none()).loop().cases(), out);
    return out.toString();
  }

  /**
   * Rewrites the file.
   *
   * @param args the repository root (default: the working directory)
   */
  public static void main(String[] args) {
    Path file = Path.of(args.length > 0 ? args[0] : ".").resolve(FILE);
    try {
      Files.writeString(file, generate(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("wrote " + file);
  }
}
