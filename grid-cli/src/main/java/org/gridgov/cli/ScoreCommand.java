package org.gridgov.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.Transition;
import org.gridgov.core.io.Json;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.scoring.CaseLog;
import org.gridgov.scoring.ExtraCounts;
import org.gridgov.scoring.FactRules;
import org.gridgov.scoring.Indicator;
import org.gridgov.scoring.Scorecard;
import org.gridgov.scoring.Scorecard.Consequences;
import org.gridgov.scoring.Scorecard.IndicatorValue;
import org.gridgov.scoring.Scorecard.UnitScore;
import org.gridgov.scoring.ScorecardCsv;
import org.gridgov.scoring.Scorer;
import org.gridgov.scoring.ScoringPeriod;
import org.gridgov.scoring.ScoringScheme;
import org.gridgov.scoring.ScoringSchemes;
import org.gridgov.scoring.UnitKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov score --scheme FILE --cases FILE [--by KIND] [--period P] [--format F]}: scores
 * cases (JSON Lines in the core case format) under a scoring scheme and prints the ranking, or
 * writes it as CSV or JSON. Facts are derived with {@link FactRules} (see docs/scoring.md); a bad
 * line fails with its line number and exit code 2.
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Score cases under a scoring scheme and print the ranking (考核排名).",
      "Cases are JSON Lines in the core case format; facts per case follow docs/scoring.md.",
      "Exit 0 on success, 2 when an input cannot be used (the message names file, line and"
          + " pointer), or when nothing would be scored: no case in --period, no unit of the"
          + " --by kind (community and street need --hierarchy or the cases' own facts)."
    })
final class ScoreCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    TEXT,
    CSV,
    JSON
  }

  /** Rollups. */
  enum Each {
    PERIOD,
    MONTH,
    YEAR
  }

  @Option(
      names = "--scheme",
      paramLabel = "FILE|ID",
      required = true,
      description =
          "Scoring scheme: a JSON file, or the id of a shipped scheme (${COMPLETION-CANDIDATES}).",
      completionCandidates = BuiltIns.class)
  String scheme;

  @Option(
      names = "--cases",
      paramLabel = "FILE",
      required = true,
      description = "Cases, one JSON object per line (core case format).")
  Path cases;

  @Option(
      names = "--by",
      paramLabel = "KIND",
      description =
          "Unit kind to rank: grid, worker, community, street or department (default: the scheme's"
              + " first unit kind, else department).")
  String by;

  @Option(
      names = "--period",
      paramLabel = "P",
      description =
          "Months to score: 2026-01..2026-12, 2026-03 or 2026 (default: all months with cases).")
  String period;

  @Option(
      names = "--format",
      paramLabel = "F",
      defaultValue = "text",
      description = "text (ranking table), csv or json (default ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--each",
      paramLabel = "R",
      defaultValue = "period",
      description =
          "period (one ranking), month or year (one ranking per month or year, with last places"
              + " and the twice-last).")
  String each;

  @Option(
      names = "--as-of",
      paramLabel = "INSTANT",
      description =
          "When open and overdue states are taken, e.g. 2026-12-31T16:00:00Z (default: the latest"
              + " time in the cases).")
  String asOf;

  @Option(
      names = "--hierarchy",
      paramLabel = "FILE",
      description = "Grid hierarchy JSON, for communities and streets.")
  Path hierarchy;

  @Option(
      names = "--calendar",
      paramLabel = "FILE",
      description = "Working calendar JSON (default: standard).")
  Path calendar;

  @Option(
      names = "--limits",
      paramLabel = "FILE",
      description = "Time-limit table JSON by item code.")
  Path limits;

  @Option(
      names = "--counts",
      paramLabel = "FILE",
      description = "Extra counts CSV (kind,unit,month,count,value) the case records do not carry.")
  Path counts;

  @Option(
      names = "--explain",
      paramLabel = "UNIT",
      description = "Also print how UNIT's score came about.")
  String explain;

  @Option(
      names = "--supervision",
      description = "Also print the supervision report of overdue and nearly overdue cases.")
  boolean supervision;

  @Spec CommandSpec spec;

  /** The hierarchy read from {@code --hierarchy}, or {@code null}. */
  private GridHierarchy grids;

  /** Shipped scheme ids, for help. */
  static final class BuiltIns extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    BuiltIns() {
      super(ScoringSchemes.BUILT_IN);
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Format fmt = parseEnum(Format.class, format, "--format");
    Each rollup = parseEnum(Each.class, each, "--each");
    ScoringScheme s = readScheme();
    UnitKind kind = kind(s);
    List<Case> all = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    readCases(all, lines);
    Instant at = asOf(all);
    FactRules rules = rules(at);
    CaseLog.Builder log = rules.newLog();
    for (int i = 0; i < all.size(); i++) {
      try {
        log.add(rules.derive(all.get(i)));
      } catch (InvalidInputException e) {
        throw located(e, lines.get(i));
      }
    }
    CaseLog built = log.build();
    ScoringPeriod p = period(built);
    requireCasesIn(built, p);
    ExtraCounts extra = counts == null ? ExtraCounts.empty() : ExtraCounts.read(counts);
    if (!s.inForce(p)) {
      throw usage(
          "scheme " + s.id() + " is in force " + s.effectiveRange() + ", not in period " + p);
    }
    Scorer scorer = Scorer.of(s);
    Scorer.Rollup by =
        switch (rollup) {
          case PERIOD -> Scorer.Rollup.NONE;
          case MONTH -> Scorer.Rollup.MONTH;
          case YEAR -> Scorer.Rollup.YEAR;
        };
    List<Scorecard> cards = scorer.score(built, Scorer.Request.of(p, kind).extra(extra).rollup(by));
    if (cards.stream().allMatch(c -> c.size() == 0)) {
      throw noUnits(kind);
    }
    Optional<Consequences> consequences =
        cards.size() > 1 ? Optional.of(Consequences.of(cards)) : Optional.empty();
    switch (fmt) {
      case TEXT -> text(out, cards, consequences);
      case CSV -> csv(out, cards);
      case JSON -> json(out, cards, consequences);
    }
    if (explain != null) {
      for (Scorecard card : cards) {
        out.print(
            card.explain(explain)
                .map(e -> e.render())
                .orElseThrow(
                    () ->
                        usage("--explain: no " + kind.key() + " '" + explain + "' in the cases")));
      }
    }
    if (supervision) {
      out.print(scorer.supervise(built, p).render());
    }
    out.flush();
    return GridGovCli.OK;
  }

  private ScoringScheme readScheme() {
    Path file = Path.of(scheme);
    if (Files.isRegularFile(file)) {
      return ScoringSchemes.read(file);
    }
    if (ScoringSchemes.BUILT_IN.contains(scheme)) {
      return ScoringSchemes.builtIn(scheme);
    }
    throw InvalidInputException.at(
        scheme,
        "",
        "no such file, and not a shipped scheme ("
            + String.join(", ", ScoringSchemes.BUILT_IN)
            + ")");
  }

  private UnitKind kind(ScoringScheme s) {
    if (by == null) {
      return s.unitKinds().isEmpty()
          ? UnitKind.DEPARTMENT
          : s.unitKinds().stream().sorted().findFirst().orElseThrow();
    }
    UnitKind k =
        UnitKind.parse(by)
            .orElseThrow(
                () ->
                    usage(
                        "--by must be grid, worker, community, street or department, not '"
                            + by
                            + "'"));
    if (!s.assesses(k)) {
      throw usage("scheme " + s.id() + " assesses " + keys(s) + ", not " + k.key());
    }
    return k;
  }

  private static String keys(ScoringScheme s) {
    return s.unitKinds().stream().sorted().map(UnitKind::key).toList().toString();
  }

  private void readCases(List<Case> into, List<Integer> lines) throws IOException {
    try (InputStream in = Files.newInputStream(CliFiles.input(cases))) {
      GridGovJson.readCases(
          in,
          cases.toString(),
          (line, c) -> {
            into.add(c);
            lines.add(line);
          });
    }
  }

  private InvalidInputException located(InvalidInputException e, int line) {
    return new InvalidInputException(
        cases.toString(), line, e.column().orElse(0), e.pointer().orElse(""), e.reason(), e);
  }

  private Instant asOf(List<Case> all) {
    if (asOf != null) {
      try {
        return Instant.parse(asOf);
      } catch (DateTimeParseException e) {
        throw usage("--as-of must be an instant like 2026-12-31T16:00:00Z, not '" + asOf + "'");
      }
    }
    Instant latest = Instant.EPOCH;
    for (Case c : all) {
      if (c.reportedAt().isAfter(latest)) {
        latest = c.reportedAt();
      }
      for (Transition t : c.trail()) {
        if (t.at().isAfter(latest)) {
          latest = t.at();
        }
      }
    }
    return latest;
  }

  private FactRules rules(Instant at) {
    FactRules.Builder b = FactRules.builder(at);
    if (calendar != null) {
      b.calendar(GridGovJson.readCalendar(calendar));
    }
    if (limits != null) {
      b.timeLimits(GridGovJson.readTimeLimits(limits));
    }
    if (hierarchy != null) {
      grids = GridGovJson.readHierarchy(hierarchy);
      b.hierarchy(grids);
    }
    return b.build();
  }

  /**
   * A period given with {@code --period} must hold a case: a run that scores nothing because the
   * option points beside the data is an error, not "0 of 0 scored".
   */
  private void requireCasesIn(CaseLog log, ScoringPeriod p) {
    if (period == null || log.facts().anyMatch(f -> p.contains(f.month()))) {
      return;
    }
    throw usage(
        "--period "
            + period
            + ": no case was reported in "
            + p
            + log.span()
                .map(span -> " (the cases span " + span + ")")
                .orElse(" (" + cases + " has no cases)"));
  }

  /**
   * Why no unit of the kind was found, naming the option or the fact that would give them: a
   * scoring run that scores nothing is an error, not "0 of 0 scored".
   */
  private RuntimeException noUnits(UnitKind kind) {
    String option = "--by " + kind.key() + ": ";
    switch (kind) {
      case COMMUNITY, STREET -> {
        String level = kind.key();
        if (grids == null) {
          return usage(
              option
                  + "no case names its "
                  + level
                  + "; give --hierarchy FILE (a grid's "
                  + level
                  + " is its ancestor there) or set assessment."
                  + level
                  + " in the cases");
        }
        GridLevel l = kind == UnitKind.COMMUNITY ? GridLevel.COMMUNITY : GridLevel.STREET;
        if (grids.gridsAt(l).isEmpty()) {
          return InvalidInputException.at(
              hierarchy.toString(),
              "",
              "no "
                  + level
                  + " grid, so no case has a "
                  + level
                  + " to rank ("
                  + option.strip()
                  + ")");
        }
        return usage(option + "no case's grid lies under a " + level + " grid of " + hierarchy);
      }
      case GRID -> {
        return usage(option + "no case has a grid");
      }
      case WORKER -> {
        return usage(
            option
                + "no case names its worker (assessment.worker, or the reporter of a patrol"
                + " report)");
      }
      default -> {
        return usage(
            option
                + "no case names its department (assessment.department, or a department the"
                + " case was last dispatched to)");
      }
    }
  }

  private ScoringPeriod period(CaseLog log) {
    if (period == null) {
      return log.span()
          .orElseThrow(() -> InvalidInputException.at(cases.toString(), "", "no cases"));
    }
    try {
      return ScoringPeriod.parse(period);
    } catch (IllegalArgumentException e) {
      throw usage("--period: " + e.getMessage());
    }
  }

  private <E extends Enum<E>> E parseEnum(Class<E> type, String text, String option) {
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E v : type.getEnumConstants()) {
        names.add(v.name().toLowerCase(Locale.ROOT));
      }
      throw usage(option + " must be one of " + String.join(", ", names) + ", not '" + text + "'");
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  // ------------------------------------------------------------------ output

  private static List<Indicator> indicators(Scorecard card) {
    return card.indicators();
  }

  private static String display(IndicatorValue v) {
    if (v.value().isEmpty()) {
      return "n/a";
    }
    double x = v.value().getAsDouble();
    return v.indicator().type() == Indicator.Type.RATE
        ? String.format(Locale.ROOT, "%.2f%%", x * 100)
        : String.format(Locale.ROOT, "%d", (long) x);
  }

  private static void text(PrintWriter out, List<Scorecard> cards, Optional<Consequences> cons) {
    Scorecard first = cards.get(0);
    ScoringScheme s = first.scheme();
    out.println("scheme " + s.id() + ": " + s.name());
    out.println("source: " + s.citation());
    for (int n = 0; n < cards.size(); n++) {
      Scorecard card = cards.get(n);
      List<Indicator> inds = indicators(card);
      out.println();
      out.println(
          card.kind().key()
              + " ranking, "
              + card.period()
              + ", as of "
              + card.asOf()
              + ": "
              + card.scoredCount()
              + " of "
              + card.size()
              + " scored");
      StringBuilder head =
          new StringBuilder(
              String.format(Locale.ROOT, "%4s  %-20s %8s  %-5s", "rank", "unit", "score", "grade"));
      for (Indicator i : inds) {
        head.append(String.format(Locale.ROOT, "  %14s", shorten(i.key())));
      }
      out.println(head);
      for (UnitScore u : card.units()) {
        StringBuilder row =
            new StringBuilder(
                String.format(
                    Locale.ROOT,
                    "%4s  %-20s %8s  %-5s",
                    u.rank().isPresent() ? Integer.toString(u.rank().getAsInt()) : "-",
                    u.unit(),
                    u.score().map(java.math.BigDecimal::toPlainString).orElse("n/a"),
                    u.grade().orElse("-")));
        for (Indicator i : inds) {
          row.append(
              String.format(
                  Locale.ROOT, "  %14s", u.indicator(i).map(ScoreCommand::display).orElse("")));
        }
        out.println(row);
      }
      out.println(
          "last place: "
              + (card.lastPlace().isEmpty() ? "-" : String.join(", ", card.lastPlace())));
      if (cons.isPresent()) {
        Consequences.Standing st = cons.get().standings().get(n);
        if (!st.disqualified().isEmpty()) {
          out.println("last twice running: " + String.join(", ", st.disqualified()));
        }
      }
    }
  }

  private static String shorten(String key) {
    return key.length() <= 14 ? key : key.substring(0, 13) + "…";
  }

  private static void csv(PrintWriter out, List<Scorecard> cards) {
    for (String line : ScorecardCsv.lines(cards)) {
      out.println(line);
    }
  }

  private static void json(PrintWriter out, List<Scorecard> cards, Optional<Consequences> cons) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ScoringScheme s = cards.get(0).scheme();
    ObjectNode sn = root.putObject("scheme");
    sn.put("id", s.id());
    sn.put("name", s.name());
    sn.put("citation", s.citation().toString());
    ArrayNode arr = root.putArray("scorecards");
    for (int n = 0; n < cards.size(); n++) {
      Scorecard card = cards.get(n);
      ObjectNode c = arr.addObject();
      c.put("period", card.period().toString());
      c.put("kind", card.kind().key());
      c.put("asOf", card.asOf().toString());
      ArrayNode units = c.putArray("units");
      for (UnitScore u : card.units()) {
        ObjectNode un = units.addObject();
        un.put("unit", u.unit());
        un.put("status", u.status().name().toLowerCase(Locale.ROOT));
        if (u.rank().isPresent()) {
          un.put("rank", u.rank().getAsInt());
        } else {
          un.putNull("rank");
        }
        if (u.score().isPresent()) {
          un.put("score", u.score().get());
        } else {
          un.putNull("score");
        }
        un.put("grade", u.grade().orElse(null));
        ObjectNode inds = un.putObject("indicators");
        for (IndicatorValue v : u.indicators()) {
          ObjectNode iv = inds.putObject(v.indicator().key());
          if (v.value().isPresent()) {
            iv.put("value", v.value().getAsDouble());
          } else {
            iv.putNull("value");
          }
          iv.put("numerator", v.numerator());
          iv.put("denominator", v.denominator());
        }
      }
      ArrayNode last = c.putArray("lastPlace");
      card.lastPlace().forEach(last::add);
      if (cons.isPresent()) {
        ArrayNode twice = c.putArray("lastTwiceRunning");
        cons.get().standings().get(n).disqualified().forEach(twice::add);
      }
    }
    out.println(Json.pretty(root));
  }
}
