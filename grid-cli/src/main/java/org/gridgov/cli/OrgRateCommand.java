package org.gridgov.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.io.Csv;
import org.gridgov.core.io.Json;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.geo.GridMaps;
import org.gridgov.org.AssessmentScores;
import org.gridgov.org.BranchRating;
import org.gridgov.org.BranchRating.IndicatorScore;
import org.gridgov.org.OrgDirectories;
import org.gridgov.org.OrgDirectory;
import org.gridgov.org.Organisation;
import org.gridgov.org.StarRating;
import org.gridgov.org.StarRatings;
import org.gridgov.org.StarScheme;
import org.gridgov.org.StarSchemes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov org rate}: star ratings of party branches (评星定级, 五星支部) under a star scheme ({@code
 * gridgov.org-stars/1}), with each branch's points, stars, rank and indicator breakdown, as text,
 * CSV or JSON (docs/org.md, "Star rating"; docs/cli.md). Exit 0 when rated, 2 for unusable input
 * (nothing is printed then).
 */
@Command(
    name = "rate",
    mixinStandardHelpOptions = true,
    description = {
      "Rate party branches with stars under a star scheme: points per indicator, stars after the"
          + " grade quotas, rank.",
      "Exit 0 when rated; 2 when an input cannot be used or no organisation of a rated type is"
          + " in --org."
    })
final class OrgRateCommand implements Callable<Integer> {
  /** The CSV header before the indicator keys, exactly. */
  static final String CSV_HEADER = "organisation,name,points,stars,rank";

  @Option(
      names = "--org",
      paramLabel = "FILE",
      required = true,
      description = "Organisations, people, posts, dual reporting (format gridgov.org/1).")
  Path org;

  @Option(
      names = "--scheme",
      paramLabel = "FILE",
      required = true,
      description =
          "Star scheme JSON (format gridgov.org-stars/1), e.g. sample-town/org-stars.json.")
  Path scheme;

  @Option(
      names = "--grids",
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "GeoJSON grid map(s): covered grids then include everything below an organisation's"
              + " grids, and level requirements (micro) can be checked.")
  List<Path> grids;

  @Mixin GridReadOptions gridOptions;

  @Option(
      names = "--scores",
      paramLabel = "FILE",
      description =
          "The grids' assessment scores: the CSV of 'gridgov score --format csv' or the demo's"
              + " scores.csv; a grid's score is the mean of its monthly scores in --year.")
  Path scores;

  @Option(
      names = "--year",
      paramLabel = "YYYY",
      description = "The year rated (default: the current year in Asia/Shanghai).")
  Integer year;

  @Option(
      names = "--format",
      paramLabel = "F",
      defaultValue = "text",
      description = "text (table), csv or json (default ${DEFAULT-VALUE}).")
  String format;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!List.of("text", "csv", "json").contains(fmt)) {
      throw new CommandLine.ParameterException(
          cl, "--format must be one of text, csv, json, not '" + format + "'");
    }
    int y = year != null ? year : LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    if (y < 1900 || y > 9999) {
      throw new CommandLine.ParameterException(cl, "--year must be 1900-9999, not " + y);
    }
    StarScheme s = StarSchemes.read(CliFiles.input(scheme));
    OrgDirectory directory = OrgDirectories.read(CliFiles.input(org));
    Optional<GridHierarchy> hierarchy = Optional.empty();
    if (grids != null) {
      List<Path> files = new ArrayList<>();
      for (Path p : grids) {
        files.add(CliFiles.input(p));
      }
      hierarchy =
          Optional.of(
              GridMaps.readGeoJson(files, gridOptions.options(GridMapOptions.defaults().lenient()))
                  .hierarchy());
    }
    Map<GridId, Double> gridScores =
        scores == null ? Map.of() : AssessmentScores.read(CliFiles.input(scores), y);
    boolean any = false;
    for (Organisation o : directory.organisations()) {
      any |= s.rated().contains(o.type());
    }
    if (!any) {
      throw new CommandLine.ParameterException(
          cl,
          "--org "
              + org
              + ": no organisation of a type the scheme rates ("
              + String.join(", ", s.rated().stream().map(Enum::name).sorted().toList())
              + ")");
    }
    StarRatings ratings = StarRating.rate(directory, hierarchy, gridScores, s, y);
    String text =
        switch (fmt) {
          case "csv" -> csv(ratings);
          case "json" -> json(ratings);
          default -> text(ratings);
        };
    PrintWriter out = cl.getOut();
    out.print(text);
    out.flush();
    return GridGovCli.OK;
  }

  private static String num(double v) {
    return BigDecimal.valueOf(v)
        .setScale(4, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String num(OptionalDouble v) {
    return v.isPresent() ? num(v.getAsDouble()) : "";
  }

  static String csv(StarRatings r) {
    StringBuilder sb = new StringBuilder(CSV_HEADER);
    for (StarScheme.Indicator i : r.scheme().indicators()) {
      sb.append(',').append(Csv.quote(i.key()));
    }
    sb.append('\n');
    for (BranchRating b : r.branches()) {
      List<String> row = new ArrayList<>();
      row.add(b.organisation());
      row.add(b.name());
      row.add(b.points().map(BigDecimal::toPlainString).orElse(""));
      row.add(b.stars().isPresent() ? Integer.toString(b.stars().getAsInt()) : "");
      row.add(b.rank().isPresent() ? Integer.toString(b.rank().getAsInt()) : "");
      for (IndicatorScore i : b.indicators()) {
        row.add(num(i.points()));
      }
      sb.append(Csv.formatRow(row)).append('\n');
    }
    return sb.toString();
  }

  static String text(StarRatings r) {
    StarScheme s = r.scheme();
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "star rating %d, scheme %s (%d indicators, %s points): %d of %d branches rated%n",
            r.year(),
            s.id(),
            s.indicators().size(),
            num(s.maxPoints()),
            r.ratedCount(),
            r.branches().size()));
    int width = "organisation".length();
    for (BranchRating b : r.branches()) {
      width = Math.max(width, b.organisation().length());
    }
    StringBuilder head =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%4s  %-" + width + "s  %7s  %-5s",
                "rank",
                "organisation",
                "points",
                "stars"));
    for (StarScheme.Indicator i : s.indicators()) {
      head.append(String.format(Locale.ROOT, "  %8s", cut(i.key())));
    }
    sb.append(head).append('\n');
    for (BranchRating b : r.branches()) {
      StringBuilder row =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "%4s  %-" + width + "s  %7s  %-5s",
                  b.rank().isPresent() ? Integer.toString(b.rank().getAsInt()) : "-",
                  b.organisation(),
                  b.points().map(BigDecimal::toPlainString).orElse("n/a"),
                  b.stars().isPresent() ? "★".repeat(b.stars().getAsInt()) : "-"));
      for (IndicatorScore i : b.indicators()) {
        row.append(
            String.format(Locale.ROOT, "  %8s", i.points().isPresent() ? num(i.points()) : "n/a"));
      }
      sb.append(row).append('\n');
    }
    StringBuilder counts = new StringBuilder();
    r.starCounts()
        .forEach(
            (stars, n) -> counts.append(counts.length() == 0 ? "" : ", ").append(stars + "★ " + n));
    sb.append("stars: ").append(counts).append('\n');
    for (BranchRating b : r.branches()) {
      b.demotion()
          .ifPresent(
              d ->
                  sb.append("quota: ").append(b.organisation()).append(' ').append(d).append('\n'));
      for (String n : b.notes()) {
        sb.append("note: ").append(b.organisation()).append(' ').append(n).append('\n');
      }
    }
    return sb.toString();
  }

  private static String cut(String key) {
    return key.length() <= 8 ? key : key.substring(0, 7) + "…";
  }

  static String json(StarRatings r) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("format", "gridgov.org-ratings/1");
    ObjectNode sn = o.putObject("scheme");
    sn.put("id", r.scheme().id());
    sn.put("name", r.scheme().name());
    sn.put("source", r.scheme().source());
    sn.put("maxPoints", r.scheme().maxPoints());
    o.put("year", r.year());
    o.put("rated", r.ratedCount());
    ObjectNode counts = o.putObject("stars");
    r.starCounts().forEach((k, v) -> counts.put(Integer.toString(k), v));
    ArrayNode arr = o.putArray("branches");
    for (BranchRating b : r.branches()) {
      ObjectNode n = arr.addObject();
      n.put("organisation", b.organisation());
      n.put("name", b.name());
      n.put("type", b.type().name());
      n.put("status", b.status().name().toLowerCase(Locale.ROOT));
      if (b.points().isPresent()) {
        n.put("points", b.points().get());
        n.put("bandStars", b.bandStars().getAsInt());
        n.put("stars", b.stars().getAsInt());
      } else {
        n.putNull("points");
        n.putNull("bandStars");
        n.putNull("stars");
      }
      if (b.rank().isPresent()) {
        n.put("rank", b.rank().getAsInt());
      } else {
        n.putNull("rank");
      }
      n.put("renormalisation", b.renormalisation());
      ObjectNode inds = n.putObject("indicators");
      for (IndicatorScore i : b.indicators()) {
        ObjectNode in = inds.putObject(i.key());
        if (i.value().isPresent()) {
          in.put("value", i.value().getAsDouble());
          in.put("points", i.points().getAsDouble());
        } else {
          in.putNull("value");
          in.putNull("points");
        }
        in.put("max", i.maxPoints());
        in.put("why", i.why());
      }
      if (b.demotion().isPresent()) {
        n.put("demotion", b.demotion().get());
      }
      ArrayNode notes = n.putArray("notes");
      b.notes().forEach(notes::add);
    }
    return Json.pretty(o) + "\n";
  }
}
