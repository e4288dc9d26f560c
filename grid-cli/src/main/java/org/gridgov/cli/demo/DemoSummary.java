package org.gridgov.cli.demo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gridgov.core.Finding;
import org.gridgov.core.GridLevel;
import org.gridgov.core.Severity;
import org.gridgov.core.cases.SourceChannel;
import org.gridgov.geo.CoordinateSystem;
import org.gridgov.lab.LoopSummary;
import org.gridgov.lab.RankingResult;
import org.gridgov.org.OrgCoverage;
import org.gridgov.scoring.UnitKind;

/**
 * The short text summary {@code gridgov demo} prints on stdout: the sample, the intake, the counts
 * per stage, the share settled in the grid, escalations per level, overdue cases, and the top and
 * bottom five of every ranking, and one line on the residents' credit levels and two on the
 * organisation (the four coverages, the organisation check's findings and the party branches'
 * stars).
 */
public final class DemoSummary {
  /** The rankings in the order they are printed, with their titles. */
  static final List<UnitKind> KINDS =
      List.of(UnitKind.STREET, UnitKind.COMMUNITY, UnitKind.GRID, UnitKind.DEPARTMENT);

  private DemoSummary() {}

  /**
   * Renders the summary.
   *
   * @param r the result
   * @return the text, lines ending in {@code \n}
   */
  public static String render(DemoResult r) {
    StringBuilder out = new StringBuilder();
    SampleCity s = r.sample();
    LoopSummary sum = r.loop().summary();
    out.append("GridGov demo — ")
        .append(s.name())
        .append(", ")
        .append(r.options().start())
        .append(" … ")
        .append(r.options().end().minusDays(1))
        .append(", seed ")
        .append(r.options().seed())
        .append('\n');
    out.append("sample city: ")
        .append(s.gridsAt(GridLevel.STREET).size())
        .append(" streets, ")
        .append(s.gridsAt(GridLevel.COMMUNITY).size())
        .append(" communities, ")
        .append(s.gridsAt(GridLevel.COMPOUND).size())
        .append(" grids, ")
        .append(s.exclusiveGrids().size())
        .append(" exclusive grids, ")
        .append(s.patrolPoints().size())
        .append(" patrol points, ")
        .append(s.policy().lists().items().size())
        .append(" items; validated: ")
        .append(s.findings().isEmpty() ? "no findings" : s.findings().size() + " findings")
        .append('\n');
    List<String> channels = new ArrayList<>();
    for (Map.Entry<SourceChannel, Integer> e : r.channels().entrySet()) {
      channels.add(channel(e.getKey()) + " " + Xml.count(e.getValue()));
    }
    out.append("reports: ")
        .append(Xml.count(r.count(DemoResult.Stage.REPORTED)))
        .append(" — ")
        .append(String.join(" · ", channels))
        .append('\n');
    DemoResult.Intake in = r.intake();
    out.append("intake: ")
        .append(Xml.count(in.converted()))
        .append(" positions converted to WGS-84 (GCJ-02 ")
        .append(Xml.count(in.byCrs().getOrDefault(CoordinateSystem.GCJ02, 0)))
        .append(", BD-09 ")
        .append(Xml.count(in.byCrs().getOrDefault(CoordinateSystem.BD09, 0)))
        .append("; ")
        .append(Xml.count(in.misplacedWithoutConversion()))
        .append(" would have landed in the wrong grid unconverted); ")
        .append(Xml.count(in.outsideEdge()))
        .append(" just outside the edge (")
        .append(Xml.count(in.snapped()))
        .append(" snapped, ")
        .append(Xml.count(in.rejectedOutside()))
        .append(" refused); ")
        .append(Xml.count(in.onBorder()))
        .append(" on shared borders\n");
    List<String> main = new ArrayList<>();
    List<String> side = new ArrayList<>();
    for (DemoResult.Stage st : DemoResult.Stage.values()) {
      (st.mainRoad() ? main : side).add(st.english() + " " + Xml.count(r.count(st)));
    }
    out.append("stages: ").append(String.join(" → ", main)).append('\n');
    out.append("  also: ").append(String.join(" · ", side)).append('\n');
    long closed = r.count(DemoResult.Stage.CLOSED);
    out.append("small matters stay in the grid (小事不出网格): ")
        .append(Xml.percent(r.settledInGrid(), closed))
        .append(" of closed cases settled inside the grid; ")
        .append(Xml.percent(r.settledInCommunity(), closed))
        .append(" never left the community\n");
    List<String> levels = new ArrayList<>();
    for (Map.Entry<GridLevel, Integer> e : sum.escalationsByLevel().entrySet()) {
      if (e.getValue() > 0 || s.map().hierarchy().levelCounts().getOrDefault(e.getKey(), 0) > 0) {
        levels.add(e.getKey().name() + " " + Xml.count(e.getValue()));
      }
    }
    out.append("escalations (whistles, 吹哨) by the level that blew them: ")
        .append(String.join(" · ", levels))
        .append(" (")
        .append(Xml.count(sum.escalatedCases()))
        .append(" cases)\n");
    out.append("overdue: ")
        .append(Xml.count(sum.overdue()))
        .append(" closed cases fed back after their deadline (")
        .append(Xml.percent(sum.overdue(), closed))
        .append("); open at the end of the period: ")
        .append(Xml.count(r.openAtEnd().size()))
        .append(" (run on to their end)\n");
    DemoResult.Credit credit = r.credit();
    List<String> byLevel = new ArrayList<>();
    credit.totals().forEach((level, n) -> byLevel.add(level + " " + Xml.count(n)));
    out.append("credit points (信用积分) as of ")
        .append(credit.asOf())
        .append(": ")
        .append(Xml.count(credit.residents()))
        .append(" residents, ")
        .append(Xml.count(credit.entries()))
        .append(" entries replayed — ")
        .append(String.join(" · ", byLevel))
        .append("; ")
        .append(Xml.count(credit.openAppeals()))
        .append(credit.openAppeals() == 1 ? " appeal" : " appeals")
        .append(" open\n");
    org(out, r.org());
    watch(out, r.watch());
    r.risk().ifPresent(risk -> risk(out, risk));
    out.append("rankings:\n");
    for (UnitKind kind : KINDS) {
      List<ScoreRow> rows = ScoreRow.of(r, kind);
      RankingResult rr = r.ranking(kind).orElseThrow();
      List<ScoreRow> ranked = rows.stream().filter(x -> x.rank().isPresent()).toList();
      out.append("  ")
          .append(title(kind))
          .append(" — ")
          .append(rr.scorecard().scheme().id())
          .append(", ")
          .append(ranked.size())
          .append(" ranked:\n");
      if (ranked.size() <= 10) {
        out.append("    ").append(line(ranked)).append('\n');
      } else {
        out.append("    top five:    ").append(line(ranked.subList(0, 5))).append('\n');
        out.append("    bottom five: ")
            .append(line(ranked.subList(ranked.size() - 5, ranked.size())))
            .append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Two lines on the organisation: the four coverages (四个全覆盖), then the check's findings by
   * severity and the branches' stars.
   */
  private static void org(StringBuilder out, DemoResult.Org org) {
    OrgCoverage c = org.check().total();
    out.append("four coverages (四个全覆盖) on ")
        .append(org.asOf())
        .append(": territory ")
        .append(share(c.territory()))
        .append(" · people ")
        .append(share(c.people()))
        .append(" · affairs ")
        .append(share(c.affairs()))
        .append(" · organisation ")
        .append(share(c.organisation()))
        .append('\n');
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    for (Finding f : org.check().findings().all()) {
      bySeverity.merge(f.severity(), 1, Integer::sum);
    }
    List<String> stars = new ArrayList<>();
    org.stars().starCounts().forEach((k, n) -> stars.add(k + "★ " + Xml.count(n)));
    out.append("organisation (党建引领): ")
        .append(Xml.count(org.check().findings().all().size()))
        .append(" findings (")
        .append(bySeverity.getOrDefault(Severity.ERROR, 0))
        .append(" errors, ")
        .append(bySeverity.getOrDefault(Severity.WARNING, 0))
        .append(" warnings, ")
        .append(bySeverity.getOrDefault(Severity.INFO, 0))
        .append(" notes); branches rated ")
        .append(org.stars().year())
        .append(" (五星支部): ")
        .append(String.join(" · ", stars))
        .append('\n');
  }

  /** The early-warning line: the planted outbreaks, which were found and when, all alerts. */
  /**
   * The risk-control line: coloured elements by colour, how many are overdue, red-element visit
   * compliance, and the grid worker's day.
   */
  private static void risk(StringBuilder out, DemoResult.Risk risk) {
    java.util.EnumMap<org.gridgov.core.risk.RiskColour, Integer> byColour =
        new java.util.EnumMap<>(org.gridgov.core.risk.RiskColour.class);
    risk.due().rows().forEach(d -> byColour.merge(d.colour(), 1, Integer::sum));
    List<String> colours = new ArrayList<>();
    byColour.forEach(
        (c, n) -> colours.add(c.name().toLowerCase(java.util.Locale.ROOT) + " " + Xml.count(n)));
    int[] red = DemoRisk.redCompliance(risk.due().rows());
    org.gridgov.risk.PatrolDay day = risk.day();
    out.append("risk control (三色管控) on ")
        .append(risk.asOf())
        .append(": ")
        .append(Xml.count(risk.due().rows().size()))
        .append(" coloured elements (")
        .append(String.join(" · ", colours))
        .append("), ")
        .append(Xml.count(risk.due().overdue()))
        .append(" overdue; red-element visit compliance ")
        .append(Xml.percent(red[0], red[1]))
        .append("; ")
        .append(day.worker())
        .append("'s day: ")
        .append(day.stops().size())
        .append(day.stops().size() == 1 ? " stop, " : " stops, ")
        .append(Xml.count(Math.round(day.metres())))
        .append(" m, ")
        .append(Xml.count(Math.round(day.minutes())))
        .append(" min\n");
  }

  private static void watch(StringBuilder out, DemoResult.Watch w) {
    List<String> delays = new ArrayList<>();
    for (DemoWatch.Found f : w.outbreaks()) {
      delays.add(
          f.outbreak().label()
              + " "
              + (f.delay().isPresent() ? "+" + f.delay().getAsInt() + " d" : "missed"));
    }
    Map<org.gridgov.watch.Detector, Integer> counts =
        new EnumMap<>(org.gridgov.watch.Detector.class);
    w.alerts().forEach(a -> counts.merge(a.detector(), 1, Integer::sum));
    List<String> byDetector = new ArrayList<>();
    counts.forEach((d, n) -> byDetector.add(d.jsonName() + " " + Xml.count(n)));
    out.append("early warning (预警): ")
        .append(w.outbreaks().size())
        .append(" outbreaks planted (")
        .append(Xml.count(w.planted()))
        .append(" cases), ")
        .append(w.found())
        .append(" alerted while they lasted (")
        .append(String.join(" · ", delays))
        .append("); ")
        .append(Xml.count(w.alerts().size()))
        .append(w.alerts().size() == 1 ? " alert" : " alerts")
        .append(" in the period (")
        .append(String.join(" · ", byDetector))
        .append("), ")
        .append(Xml.count(w.background()))
        .append(" on the background\n");
  }

  private static String share(OrgCoverage.Share s) {
    return Xml.percent(s.covered(), s.total());
  }

  /**
   * A plural title for a kind of unit.
   *
   * @param kind the kind
   * @return the title
   */
  static String title(UnitKind kind) {
    return switch (kind) {
      case STREET -> "streets 街道";
      case COMMUNITY -> "communities 社区";
      case GRID -> "grids 网格";
      case DEPARTMENT -> "departments 联勤单位";
      default -> kind.key();
    };
  }

  /**
   * A channel's label.
   *
   * @param c the channel
   * @return the label
   */
  static String channel(SourceChannel c) {
    return switch (c) {
      case PATROL -> "patrol";
      case HOTLINE_12345 -> "hotline 12345";
      case APP_PHOTO -> "app photo";
      case MINI_PROGRAM -> "mini program";
      case GRID_QR_CODE -> "grid QR code";
      case VIDEO_IOT -> "video/IoT";
      case SUPERIOR_REFERRAL -> "referred";
    };
  }

  private static String line(List<ScoreRow> rows) {
    List<String> parts = new ArrayList<>();
    for (ScoreRow x : rows) {
      parts.add(
          x.rank().getAsInt()
              + " "
              + x.name()
              + " "
              + x.scoreText()
              + (x.grade().isPresent() ? " " + x.grade().get() : ""));
    }
    return String.join(" · ", parts);
  }
}
