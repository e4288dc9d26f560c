package org.gridgov.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.Csv;
import org.gridgov.core.io.Json;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.credit.CreditAccount;
import org.gridgov.credit.CreditBook;
import org.gridgov.credit.CreditEntries;
import org.gridgov.credit.CreditPosts;
import org.gridgov.credit.CreditReplay;
import org.gridgov.credit.CreditScheme;
import org.gridgov.credit.CreditSchemes;
import org.gridgov.credit.ReplayOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov credit replay|statement}: replays a resident credit ledger (JSON Lines entries)
 * under a credit scheme and prints balances and levels, or one resident's explained statement
 * (docs/credit.md). An entry that breaks a rule of the scheme fails with its file, line and reason
 * and exit code 2, and nothing is printed on standard output.
 */
@Command(
    name = "credit",
    mixinStandardHelpOptions = true,
    description = {
      "Resident credit points (居民信用积分): replay a ledger to balances, levels and statements.",
      "See docs/credit.md for the scheme, entries and posts formats and the effective rules."
    },
    subcommands = {CreditCommand.Replay.class, CreditCommand.Statement.class})
final class CreditCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The inputs both subcommands read. */
  static final class Inputs {
    @Option(
        names = "--scheme",
        paramLabel = "FILE",
        required = true,
        description = "Credit scheme JSON (format gridgov.credit-scheme/1).")
    Path scheme;

    @Option(
        names = "--entries",
        paramLabel = "FILE",
        required = true,
        description = "Ledger entries, one JSON object per line.")
    Path entries;

    @Option(
        names = "--posts",
        paramLabel = "FILE",
        description =
            "Who holds which post (format gridgov.credit-posts/1): when given, whoever recognises"
                + " or deducts must hold a post the rule names.")
    Path posts;

    @Option(
        names = "--calendar",
        paramLabel = "FILE",
        description =
            "Working calendar JSON, for appeal windows in working days and months in its zone"
                + " (default: standard, Asia/Shanghai).")
    Path calendar;

    @Option(
        names = "--as-of",
        paramLabel = "DATE",
        description =
            "Replay the entries made up to the end of DATE (2026-06-30, in the calendar's zone) or"
                + " up to an instant (2026-06-30T16:00:00Z); default: every entry.")
    String asOf;

    /** The scheme, once {@link #replay} has read it. */
    private CreditScheme read;

    /** Reads everything and replays; throws before anything is printed. */
    CreditBook replay(CommandLine cl) {
      CreditScheme s = CreditSchemes.read(CliFiles.input(scheme));
      read = s;
      WorkCalendar cal =
          calendar == null
              ? WorkCalendar.standard()
              : GridGovJson.readCalendar(CliFiles.input(calendar));
      ReplayOptions options = ReplayOptions.defaults().withCalendar(cal);
      if (posts != null) {
        options = options.withPosts(CreditPosts.read(CliFiles.input(posts)));
      }
      if (asOf != null) {
        options = asOf(cl, options);
      }
      return CreditReplay.replay(s, CreditEntries.read(CliFiles.input(entries)), options);
    }

    /** The scheme's {@code start}, after {@link #replay}. */
    long start() {
      return read.start();
    }

    private ReplayOptions asOf(CommandLine cl, ReplayOptions options) {
      try {
        return options.asOfEndOf(LocalDate.parse(asOf));
      } catch (DateTimeParseException notADate) {
        try {
          return options.withAsOf(Instant.parse(asOf));
        } catch (DateTimeParseException e) {
          throw new CommandLine.ParameterException(
              cl,
              "--as-of must be a date like 2026-06-30 or an instant like 2026-06-30T16:00:00Z,"
                  + " not '"
                  + asOf
                  + "'");
        }
      }
    }
  }

  /** {@code gridgov credit replay}: balances and levels of every resident. */
  @Command(
      name = "replay",
      mixinStandardHelpOptions = true,
      description = {
        "Replay a credit ledger and print every resident's balance, level, entry count and open"
            + " appeals, residents in id order.",
        "Exit 0 on success; 2 when an input cannot be used or an entry breaks a rule of the"
            + " scheme (the message names file, line and reason; nothing is printed)."
      })
  static final class Replay implements Callable<Integer> {
    /** Output formats. */
    enum Format {
      TEXT,
      CSV,
      JSON
    }

    @Mixin Inputs inputs;

    @Option(
        names = "--format",
        paramLabel = "F",
        defaultValue = "text",
        description = "text (table), csv or json (default ${DEFAULT-VALUE}).")
    String format;

    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Format fmt;
      try {
        fmt = Format.valueOf(format.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--format must be one of text, csv, json, not '" + format + "'");
      }
      CreditBook book = inputs.replay(spec.commandLine());
      String text =
          switch (fmt) {
            case TEXT -> text(book);
            case CSV -> csv(book);
            case JSON -> json(book);
          };
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
      return GridGovCli.OK;
    }

    /** The CSV header, exactly. */
    static final String CSV_HEADER = "resident,balance,level,entries,open_appeals";

    static String csv(CreditBook book) {
      StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
      for (CreditAccount a : book.accounts()) {
        sb.append(
                Csv.formatRow(
                    List.of(
                        a.resident(),
                        Long.toString(a.balance()),
                        a.level(),
                        Integer.toString(a.entries()),
                        Integer.toString(a.openAppeals()))))
            .append('\n');
      }
      return sb.toString();
    }

    static String text(CreditBook book) {
      StringBuilder sb = new StringBuilder();
      sb.append(
          String.format(
              Locale.ROOT,
              "credit ledger: %d entries, %d residents, as of %s%n",
              book.entries(),
              book.accounts().size(),
              book.asOf().map(Instant::toString).orElse("-")));
      int width = "resident".length();
      for (CreditAccount a : book.accounts()) {
        width = Math.max(width, a.resident().length());
      }
      String row = "%-" + width + "s  %8s  %-6s  %7s  %12s%n";
      sb.append(
          String.format(
              Locale.ROOT, row, "resident", "balance", "level", "entries", "open appeals"));
      for (CreditAccount a : book.accounts()) {
        sb.append(
            String.format(
                Locale.ROOT,
                row,
                a.resident(),
                a.balance(),
                a.level(),
                a.entries(),
                a.openAppeals()));
      }
      StringBuilder levels = new StringBuilder();
      book.levelCounts()
          .forEach((l, n) -> levels.append(levels.length() == 0 ? "" : ", ").append(l + " " + n));
      if (levels.length() > 0) {
        sb.append("levels: ").append(levels).append(System.lineSeparator());
      }
      return sb.toString();
    }

    static String json(CreditBook book) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("format", "gridgov.credit-balances/1");
      book.asOf().ifPresent(t -> o.put("asOf", t.toString()));
      o.put("entries", book.entries());
      ArrayNode rs = o.putArray("residents");
      for (CreditAccount a : book.accounts()) {
        rs.addObject()
            .put("resident", a.resident())
            .put("balance", a.balance())
            .put("level", a.level())
            .put("entries", a.entries())
            .put("openAppeals", a.openAppeals());
      }
      return Json.pretty(o) + "\n";
    }
  }

  /** {@code gridgov credit statement}: one resident's explained statement. */
  @Command(
      name = "statement",
      mixinStandardHelpOptions = true,
      description = {
        "Print one resident's explained credit statement: every entry with its rule, legal basis,"
            + " recogniser, evidence, appeal history and what it counts now.",
        "Exit 0 on success; 2 when an input cannot be used, an entry breaks a rule, or no entry"
            + " concerns the resident."
      })
  static final class Statement implements Callable<Integer> {
    @Mixin Inputs inputs;

    @Option(
        names = "--resident",
        paramLabel = "ID",
        required = true,
        description = "The resident's id.")
    String resident;

    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      CreditBook book = inputs.replay(spec.commandLine());
      CreditAccount a =
          book.account(resident)
              .orElseThrow(
                  () ->
                      InvalidInputException.at(
                          inputs.entries.toString(),
                          "",
                          "no entry concerns resident '"
                              + resident
                              + "'"
                              + org.gridgov.core.io.Suggestions.didYouMean(
                                      resident,
                                      book.accounts().stream()
                                          .map(CreditAccount::resident)
                                          .toList())
                                  .map(s -> "; did you mean '" + s + "'?")
                                  .orElse("")));
      PrintWriter out = spec.commandLine().getOut();
      out.print(a.statementText(inputs.start()));
      out.flush();
      return GridGovCli.OK;
    }
  }
}
