package org.gridgov.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridgov.core.Finding;
import org.gridgov.core.GridLevel;
import org.gridgov.core.cases.Rating;
import org.gridgov.core.cases.SourceChannel;
import org.gridgov.geo.CoordinateSystem;
import org.gridgov.lab.LoopSummary;
import org.gridgov.lab.RankingResult;
import org.gridgov.org.OrgCoverage;
import org.gridgov.org.OrgReport;
import org.gridgov.org.StarScheme;
import org.gridgov.scoring.UnitKind;

/**
 * Writes the demo's report: one self-contained XHTML page — inline CSS, the map as inline SVG, the
 * tables, a month-by-month chart, the residents' credit levels per community, the organisation
 * panel (coverage map, the four coverages, findings, branch stars) — that opens offline in any
 * browser and parses as XML. Nothing is fetched: no scripts, fonts, images or style sheets from
 * elsewhere.
 */
public final class HtmlReport {
  private static final String CSS =
      """
      :root { --ink:#1d1d1d; --muted:#666; --line:#e4dfd4; --paper:#f6f3ec; --card:#fff;
              --accent:#0b3d91; --warn:#a50f15; }
      * { box-sizing: border-box; }
      body { margin: 0; background: var(--paper); color: var(--ink);
             font: 15px/1.55 'Noto Sans CJK SC','Source Han Sans SC','PingFang SC',
                   'Microsoft YaHei','Segoe UI',Roboto,Helvetica,Arial,sans-serif; }
      main { max-width: 1280px; margin: 0 auto; padding: 28px 28px 60px; }
      header h1 { font-size: 30px; margin: 0 0 4px; letter-spacing: .5px; }
      header p { margin: 0; color: var(--muted); }
      h2 { font-size: 20px; margin: 40px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); }
      h3 { font-size: 16px; margin: 22px 0 8px; }
      .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
               gap: 12px; margin: 22px 0 8px; }
      .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
              padding: 12px 14px; }
      .card .v { font-size: 26px; font-weight: 800; font-variant-numeric: tabular-nums; }
      .card .k { color: var(--muted); font-size: 13px; }
      .map { background: var(--card); border: 1px solid var(--line); border-radius: 12px;
             padding: 8px; overflow-x: auto; }
      .map svg { display: block; width: 100%; height: auto; min-width: 900px; }
      .cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(380px, 1fr)); gap: 24px; }
      table { border-collapse: collapse; width: 100%; background: var(--card);
              border: 1px solid var(--line); font-size: 14px; }
      th, td { padding: 5px 9px; border-bottom: 1px solid var(--line); text-align: left;
               vertical-align: middle; }
      th { background: #efebe2; font-weight: 700; white-space: nowrap; }
      td.name { white-space: nowrap; }
      td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      tbody tr:nth-child(even) td { background: #fbfaf7; }
      .chip { display: inline-block; width: 11px; height: 11px; border-radius: 2px;
              margin-right: 6px; vertical-align: -1px; }
      .bar { height: 12px; background: var(--accent); border-radius: 2px; opacity: .8; }
      .bar.side { background: #b8860b; }
      .muted { color: var(--muted); }
      .small { font-size: 13px; }
      .tag { display: inline-block; padding: 0 6px; border-radius: 4px; background: #efebe2;
             font-size: 12px; }
      .scroll { overflow-x: auto; }
      details { margin-top: 10px; }
      summary { cursor: pointer; color: var(--accent); }
      footer { margin-top: 48px; color: var(--muted); font-size: 13px; }
      @media print { .map svg { min-width: 0; } }
      """;

  private HtmlReport() {}

  /**
   * Renders the report.
   *
   * @param r the demo result
   * @return the XHTML text
   */
  public static String render(DemoResult r) {
    return render(r, MapSvg.element(r));
  }

  /**
   * Renders the report around an already drawn map.
   *
   * @param r the demo result
   * @param mapElement the map's {@code <svg>} element, from {@link MapSvg#element}
   * @return the XHTML text
   */
  public static String render(DemoResult r, String mapElement) {
    StringBuilder h = new StringBuilder(1 << 20);
    SampleCity s = r.sample();
    LoopSummary sum = r.loop().summary();
    long reported = r.count(DemoResult.Stage.REPORTED);
    long filed = r.count(DemoResult.Stage.FILED);
    long closed = r.count(DemoResult.Stage.CLOSED);
    String period = r.options().start() + " – " + r.options().end().minusDays(1);
    h.append(
            "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\">\n<head>\n")
        .append("<meta charset=\"UTF-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>")
        .append(Xml.esc("GridGov demo — " + s.name() + " " + r.options().start().getYear()))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<main>\n");

    h.append("<header>\n<h1>")
        .append(Xml.esc(s.name() + " · 网格化治理年度报告 " + r.options().start().getYear()))
        .append("</h1>\n<p>")
        .append(
            Xml.esc(
                "Grid governance report of the GridGov sample town: one year of cases through the"
                    + " closed loop (事件闭环), scored by grid, community, street and department. "
                    + period
                    + " · seed "
                    + r.options().seed()
                    + " · synthetic data"))
        .append("</p>\n</header>\n");

    // ---- key figures
    h.append("<section class=\"cards\">\n");
    card(h, Xml.count(reported), "上报 reports");
    card(h, Xml.percent(closed, filed), "结案率 closed of filed");
    card(h, Xml.percent(r.settledInGrid(), closed), "小事不出网格 settled in the grid");
    card(h, Xml.percent(r.settledInCommunity(), closed), "大事不出社区 stayed in the community");
    card(h, Xml.count(sum.overdue()), "超期 overdue (" + Xml.percent(sum.overdue(), closed) + ")");
    card(h, Xml.count(sum.escalatedCases()), "吹哨 escalated cases");
    card(
        h,
        r.satisfaction().isPresent()
            ? Xml.fixed(100 * r.satisfaction().getAsDouble(), 1) + " %"
            : "–",
        "满意度 satisfaction");
    card(
        h,
        sum.meanHoursToClose().isPresent()
            ? Xml.fixed(sum.meanHoursToClose().getAsDouble(), 1) + " h"
            : "–",
        "mean working hours to close");
    h.append("</section>\n");

    // ---- map
    h.append("<h2 id=\"map\">网格考核地图 · Grid map</h2>\n<div class=\"map\">\n")
        .append(mapElement)
        .append("</div>\n<p class=\"small muted\">")
        .append(
            Xml.esc(
                "Grids coloured by score in seven classes of equal size (red lowest, blue highest);"
                    + " heavy lines are street borders, medium lines community borders; hatched"
                    + " shapes are exclusive grids (专属网格); dots are the "
                    + s.patrolPoints().size()
                    + " patrol points; numbered circles mark the top and bottom five grids. Hover"
                    + " a grid for its details. The same map is map.svg."))
        .append("</p>\n");

    // ---- the loop
    h.append("<h2 id=\"loop\">事件闭环 · The case loop</h2>\n<div class=\"cols\">\n<div>\n");
    h.append("<h3>Cases per stage</h3>\n<table>\n<thead><tr><th>stage</th><th>环节</th>")
        .append("<th class=\"n\">cases</th><th class=\"n\">share</th><th style=\"width:35%\"></th>")
        .append("</tr></thead>\n<tbody>\n");
    for (DemoResult.Stage st : DemoResult.Stage.values()) {
      int n = r.count(st);
      h.append("<tr><td>")
          .append(Xml.esc(st.english()))
          .append("</td><td>")
          .append(Xml.esc(st.chinese()))
          .append("</td><td class=\"n\">")
          .append(Xml.count(n))
          .append("</td><td class=\"n\">")
          .append(Xml.percent(n, reported))
          .append("</td><td>")
          .append(bar(n, reported, !st.mainRoad()))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</div>\n<div>\n");
    h.append("<h3>Reports per month</h3>\n").append(monthChart(r));
    h.append("<h3>Reports per channel</h3>\n<table>\n<thead><tr><th>channel</th>")
        .append(
            "<th class=\"n\">reports</th><th class=\"n\">share</th><th style=\"width:40%\"></th>")
        .append("</tr></thead>\n<tbody>\n");
    for (Map.Entry<SourceChannel, Integer> e : r.channels().entrySet()) {
      h.append("<tr><td>")
          .append(Xml.esc(DemoSummary.channel(e.getKey())))
          .append("</td><td class=\"n\">")
          .append(Xml.count(e.getValue()))
          .append("</td><td class=\"n\">")
          .append(Xml.percent(e.getValue(), reported))
          .append("</td><td>")
          .append(bar(e.getValue(), reported, false))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</div>\n</div>\n");

    // ---- intake and escalation
    DemoResult.Intake in = r.intake();
    h.append("<div class=\"cols\">\n<div>\n<h3>Intake: where reports were located</h3>\n<table>\n")
        .append("<thead><tr><th>what</th><th class=\"n\">reports</th></tr></thead>\n<tbody>\n");
    row(
        h,
        "reported in WGS-84 (patrol, QR code, video/IoT)",
        in.byCrs().getOrDefault(CoordinateSystem.WGS84, 0));
    row(
        h,
        "reported in GCJ-02 (app photo, mini program), converted",
        in.byCrs().getOrDefault(CoordinateSystem.GCJ02, 0));
    row(
        h,
        "reported in BD-09 (hotline 12345, geocoded), converted",
        in.byCrs().getOrDefault(CoordinateSystem.BD09, 0));
    row(
        h,
        "… of which would have landed in the wrong grid unconverted",
        in.misplacedWithoutConversion());
    row(h, "made at a patrol point", in.patrolPoint());
    row(h, "just outside the town's edge", in.outsideEdge());
    row(h, "… snapped to the nearest grid (within 100 m)", in.snapped());
    row(h, "… refused: outside the town", in.rejectedOutside());
    row(h, "exactly on a border shared by grids (smallest id wins)", in.onBorder());
    h.append("</tbody>\n</table>\n</div>\n<div>\n<h3>Escalations (吹哨报到)</h3>\n<table>\n")
        .append(
            "<thead><tr><th>whistled by</th><th class=\"n\">whistles</th></tr></thead>\n<tbody>\n");
    for (Map.Entry<GridLevel, Integer> e : sum.escalationsByLevel().entrySet()) {
      if (e.getValue() > 0 || s.map().hierarchy().levelCounts().getOrDefault(e.getKey(), 0) > 0) {
        row(h, e.getKey().name(), e.getValue());
      }
    }
    row(h, "cases escalated at least once", sum.escalatedCases());
    row(h, "cases urged (督办)", sum.urgedCases());
    row(h, "kept from the grid by the access list (准入清单)", sum.admissionDenied());
    h.append("</tbody>\n</table>\n<h3>Ratings at the follow-up visit</h3>\n<table>\n")
        .append("<thead><tr><th>rating</th><th class=\"n\">cases</th></tr></thead>\n<tbody>\n");
    row(h, "satisfied 满意", r.ratings().getOrDefault(Rating.SATISFIED, 0));
    row(h, "basically satisfied 基本满意", r.ratings().getOrDefault(Rating.BASICALLY_SATISFIED, 0));
    row(h, "dissatisfied 不满意", r.ratings().getOrDefault(Rating.DISSATISFIED, 0));
    h.append("</tbody>\n</table>\n</div>\n</div>\n");

    // ---- rankings
    h.append("<h2 id=\"rankings\">考核排名 · Rankings</h2>\n");
    ranking(h, r, UnitKind.STREET, Integer.MAX_VALUE);
    ranking(h, r, UnitKind.COMMUNITY, Integer.MAX_VALUE);
    ranking(h, r, UnitKind.GRID, 10);
    ranking(h, r, UnitKind.DEPARTMENT, Integer.MAX_VALUE);
    h.append("<p class=\"small muted\">")
        .append(
            Xml.esc(
                "Departments are the 22 joint-duty departments (大联勤单位); one without a case"
                    + " in the year has no score. Tongcheng summons the department ranked last"
                    + " for a talk, and one last two years running loses its award eligibility."))
        .append("</p>\n");

    credit(h, r);
    org(h, r);
    watch(h, r);
    r.risk().ifPresent(risk -> risk(h, r, risk));

    // ---- about
    h.append("<h2 id=\"about\">样例城市 · About the sample</h2>\n<ul class=\"small\">\n");
    for (String src : s.sources()) {
      h.append("<li>").append(Xml.esc(src)).append("</li>\n");
    }
    for (RankingResult rr : r.loop().rankings()) {
      h.append("<li>")
          .append(Xml.esc(DemoSummary.title(rr.ranking().kind())))
          .append(" scored under <span class=\"tag\">")
          .append(Xml.esc(rr.scorecard().scheme().id()))
          .append("</span> ")
          .append(
              Xml.esc(
                  rr.scorecard().scheme().name()
                      + ": "
                      + rr.scorecard().scheme().citation().title()))
          .append("</li>\n");
    }
    StarScheme stars = r.org().stars().scheme();
    h.append("<li>")
        .append("party branches rated under <span class=\"tag\">")
        .append(Xml.esc(stars.id()))
        .append("</span> ")
        .append(Xml.esc(stars.name() + ": " + stars.source()))
        .append("</li>\n");
    h.append("<li>")
        .append(
            Xml.esc(
                "validation of the sample city: "
                    + (s.findings().isEmpty()
                        ? "no findings (coverage, lists, tables, schemes, patrol points)"
                        : s.findings().size() + " findings")))
        .append("</li>\n</ul>\n");
    h.append("<footer>")
        .append(
            Xml.esc(
                "Made by `gridgov demo` (GridGov SDK). The town, its people and its cases are"
                    + " synthetic; the sizes follow Tongcheng (桐城) as reported in 2022, the"
                    + " calendar is the official 2026 one. Same seed, same bytes."))
        .append("</footer>\n</main>\n</body>\n</html>\n");
    return h.toString();
  }

  /** Level colours, highest first: blue to red (ColorBrewer RdYlBu). */
  private static final List<String> LEVEL_COLOURS =
      List.of("#2c7bb6", "#74add1", "#abd9e9", "#fee090", "#fdae61", "#d7191c");

  private static String levelColour(int i) {
    return i < LEVEL_COLOURS.size() ? LEVEL_COLOURS.get(i) : "#999999";
  }

  /** The residents of each community by credit level: a table with a stacked bar per row. */
  private static void credit(StringBuilder h, DemoResult r) {
    DemoResult.Credit c = r.credit();
    SampleCity s = r.sample();
    h.append("<h2 id=\"credit\">居民信用积分 · Resident credit points</h2>\n<p class=\"small\">")
        .append(
            Xml.esc(
                "The sample's credit ledger (credit-entries.jsonl: "
                    + Xml.count(c.entries())
                    + " entries for "
                    + Xml.count(c.residents())
                    + " residents with a credit file) replayed to the end of "
                    + c.asOf()
                    + " under its scheme (credit-scheme.json: Rongcheng's deductions, Baoji's"
                    + " honours, illustrative volunteering points, caps, repair and levels), with"
                    + " the recognisers checked against credit-posts.json. Appeals open: "
                    + Xml.count(c.openAppeals())
                    + ". Residents per level, by community:"))
        .append("</p>\n<div class=\"scroll\"><table>\n<thead><tr><th>community</th>")
        .append("<th class=\"n\">residents</th>");
    for (int i = 0; i < c.levels().size(); i++) {
      h.append("<th class=\"n\"><span class=\"chip\" style=\"background:")
          .append(levelColour(i))
          .append("\"></span>")
          .append(Xml.esc(c.levels().get(i)))
          .append("</th>");
    }
    h.append("<th style=\"width:30%\"></th></tr></thead>\n<tbody>\n");
    for (Map.Entry<org.gridgov.core.GridId, Map<String, Integer>> e : c.byCommunity().entrySet()) {
      creditRow(h, s.nameOf(e.getKey()), e.getKey().value(), c.levels(), e.getValue());
    }
    creditRow(h, "all communities", "", c.levels(), c.totals());
    h.append("</tbody>\n</table></div>\n");
  }

  /** A colour per detector, for the timelines. */
  private static String detectorColour(org.gridgov.watch.Detector d) {
    return switch (d) {
      case EWMA -> "#1b9e77";
      case POISSON_CUSUM -> "#d95f02";
      case NEGBIN_CUSUM -> "#e6ab02";
      case FARRINGTON -> "#7570b3";
      case MOVING_PERCENTILE -> "#66a61e";
      case SPACE_TIME_SCAN -> "#e7298a";
    };
  }

  /**
   * Risk control (三色管控): the map (grids by red-element visit compliance, coloured elements, one
   * worker's day), the grids with the lowest red-element compliance, and the day's stops.
   */
  private static void risk(StringBuilder h, DemoResult r, DemoResult.Risk risk) {
    SampleCity s = r.sample();
    int[] red = DemoRisk.redCompliance(risk.due().rows());
    org.gridgov.risk.PatrolDay day = risk.day();
    h.append("<h2 id=\"risk\">三色管控 · Risk control</h2>\n<p class=\"small\">")
        .append(
            Xml.esc(
                "grid-risk on "
                    + risk.asOf()
                    + ": the sample's register (risk-elements.jsonl), plans (risk-plans.json) and a"
                    + " year of visits (risk-visits.jsonl), all generated. "
                    + Xml.count(risk.due().rows().size())
                    + " coloured elements, "
                    + Xml.count(risk.due().overdue())
                    + " overdue; red-element visit compliance "
                    + Xml.percent(red[0], red[1])
                    + ". The route is the day of the worker of the grid with the most elements due"
                    + " or overdue that day: nearest neighbour and 2-opt over the stops, 75 m a"
                    + " minute and 10 minutes a visit."))
        .append("</p>\n<div class=\"map\">\n")
        .append(MapSvg.riskElement(r))
        .append("</div>\n");
    List<org.gridgov.risk.ComplianceRow> grids = new java.util.ArrayList<>();
    for (org.gridgov.risk.ComplianceRow row :
        risk.compliance().rows(org.gridgov.risk.ComplianceRow.UnitKind.GRID)) {
      if (row.colour() == org.gridgov.core.risk.RiskColour.RED && row.elements() > 0) {
        grids.add(row);
      }
    }
    grids.sort(
        java.util.Comparator.comparingDouble(
                (org.gridgov.risk.ComplianceRow row) -> row.rate().orElse(1))
            .thenComparing(org.gridgov.risk.ComplianceRow::unit));
    h.append("<h3>Lowest red-element visit compliance</h3>\n<div class=\"scroll\"><table>\n")
        .append("<thead><tr><th>grid</th><th class=\"n\">red elements</th>")
        .append("<th class=\"n\">overdue</th><th class=\"n\">compliance</th>")
        .append("<th class=\"n\">unanswered findings</th></tr></thead>\n<tbody>\n");
    for (org.gridgov.risk.ComplianceRow row : grids.subList(0, Math.min(10, grids.size()))) {
      h.append("<tr><td>")
          .append(
              Xml.esc(s.nameOf(org.gridgov.core.GridId.of(row.unit())) + " (" + row.unit() + ")"))
          .append("</td><td class=\"n\">")
          .append(row.elements())
          .append("</td><td class=\"n\">")
          .append(row.overdue())
          .append("</td><td class=\"n\">")
          .append(Xml.percent(row.elements() - row.overdue(), row.elements()))
          .append("</td><td class=\"n\">")
          .append(row.unansweredFindings())
          .append("</td></tr>\n");
    }
    h.append("</tbody></table></div>\n");
    h.append("<h3>")
        .append(Xml.esc(day.worker() + "'s day, " + day.date()))
        .append("</h3>\n<div class=\"scroll\"><table>\n")
        .append("<thead><tr><th class=\"n\">stop</th><th>element</th><th>colour</th>")
        .append("<th>status</th><th class=\"n\">leg (m)</th><th class=\"n\">arrives (min)</th>")
        .append("</tr></thead>\n<tbody>\n");
    int n = 0;
    for (org.gridgov.risk.PatrolStop st : day.stops()) {
      h.append("<tr><td class=\"n\">")
          .append(++n)
          .append("</td><td>")
          .append(Xml.esc(st.element()))
          .append("</td><td>")
          .append(st.colour().name().toLowerCase(java.util.Locale.ROOT))
          .append("</td><td>")
          .append(st.status().name().toLowerCase(java.util.Locale.ROOT))
          .append("</td><td class=\"n\">")
          .append(Xml.count(Math.round(st.legMetres())))
          .append("</td><td class=\"n\">")
          .append(Xml.count(Math.round(st.arriveMinute())))
          .append("</td></tr>\n");
    }
    h.append("</tbody></table></div>\n<p class=\"small\">")
        .append(
            Xml.esc(
                day.stops().size()
                    + " stops, "
                    + Xml.count(Math.round(day.metres()))
                    + " m, about "
                    + Xml.count(Math.round(day.minutes()))
                    + " minutes with the visits"
                    + (day.unplaced().isEmpty() ? "" : "; without a position: " + day.unplaced())
                    + "."))
        .append("</p>\n");
  }

  /**
   * The early warning (预警): the map of alerts per community, the planted outbreaks with a strip per
   * alert that found them, and the period's timeline (a row per community, a bar per alert).
   */
  private static void watch(StringBuilder h, DemoResult r) {
    DemoResult.Watch w = r.watch();
    SampleCity s = r.sample();
    java.time.LocalDate first = r.options().start();
    java.time.LocalDate last = r.options().end().minusDays(1);
    h.append("<h2 id=\"watch\">预警 · Early warning</h2>\n<p class=\"small\">")
        .append(
            Xml.esc(
                "grid-watch over the period's "
                    + Xml.count(w.tally().counted() - w.planted())
                    + " reports with a grid and "
                    + Xml.count(w.planted())
                    + " planted cases ("
                    + w.outbreaks().size()
                    + " outbreaks, below), counted per community and category (the item list's"
                    + " first category name) and fed day by day to a watch with the default"
                    + " configuration except the moving percentile, which is off (on cells this"
                    + " sparse its percentile is 0 or 1 case and it alerts on almost any week);"
                    + " the space-time scan joins communities by centroid distance. The planted"
                    + " cases go to the watch only, not through the case loop. "
                    + Xml.count(w.alerts().size())
                    + " alerts, "
                    + Xml.count(w.background())
                    + " of them on the background (its own surges, or false alerts)."))
        .append("</p>\n<div class=\"map\">\n")
        .append(MapSvg.watchElement(r))
        .append("</div>\n");
    // the planted outbreaks, each with a strip per alert that found it
    h.append("<h3>Planted outbreaks</h3>\n<div class=\"scroll\"><table>\n<thead><tr>")
        .append("<th>outbreak</th><th>community</th><th>category</th><th>start</th>")
        .append("<th class=\"n\">days</th><th class=\"n\">cases a day</th><th>found</th>")
        .append("<th style=\"width:34%\">alerts (outbreak ± 7 days)</th></tr></thead>\n<tbody>\n");
    for (DemoWatch.Found f : w.outbreaks()) {
      DemoWatch.Outbreak o = f.outbreak();
      java.time.LocalDate from = o.start().minusDays(7);
      java.time.LocalDate to = o.end().plusDays(7);
      List<org.gridgov.watch.Alert> mine = new java.util.ArrayList<>();
      for (org.gridgov.watch.Alert a : w.alerts()) {
        if (DemoWatch.outbreakOf(a, List.of(f)).isPresent()) {
          mine.add(a);
        }
      }
      h.append("<tr><td class=\"name\">")
          .append(Xml.esc(o.label()))
          .append("</td><td class=\"name\">")
          .append(Xml.esc(s.nameOf(o.community())))
          .append("</td><td class=\"name\">")
          .append(Xml.esc(o.category() + " (" + o.item() + ")"))
          .append("</td><td class=\"name\">")
          .append(o.start())
          .append("</td><td class=\"n\">")
          .append(o.days())
          .append("</td><td class=\"n\">")
          .append(o.perDay())
          .append("</td><td class=\"name\">")
          .append(
              Xml.esc(f.delay().isPresent() ? "after " + f.delay().getAsInt() + " d" : "missed"))
          .append("</td><td>")
          .append(strips(mine, from, to, o.start(), o.end()))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table></div>\n");
    // the timeline: a row per community with an alert
    java.util.Map<org.gridgov.core.GridId, List<org.gridgov.watch.Alert>> byCommunity =
        new java.util.TreeMap<>();
    for (org.gridgov.watch.Alert a : w.alerts()) {
      for (String unit : a.grids()) {
        byCommunity
            .computeIfAbsent(org.gridgov.core.GridId.of(unit), k -> new java.util.ArrayList<>())
            .add(a);
      }
    }
    h.append("<h3>Alerts in the period, by community</h3>\n<p class=\"small\">");
    for (org.gridgov.watch.Detector d : org.gridgov.watch.Detector.values()) {
      h.append("<span class=\"chip\" style=\"background:")
          .append(detectorColour(d))
          .append("\"></span>")
          .append(Xml.esc(d.jsonName()))
          .append(" &#160; ");
    }
    h.append(
        "— a bar per alert from its first to its last day; red frames: the planted"
            + " outbreaks.</p>\n<div class=\"scroll\"><table>\n<tbody>\n");
    for (java.util.Map.Entry<org.gridgov.core.GridId, List<org.gridgov.watch.Alert>> e :
        byCommunity.entrySet()) {
      List<DemoWatch.Outbreak> planted = new java.util.ArrayList<>();
      for (DemoWatch.Found f : w.outbreaks()) {
        if (f.outbreak().community().equals(e.getKey())) {
          planted.add(f.outbreak());
        }
      }
      h.append("<tr><td class=\"name\">")
          .append(Xml.esc(s.nameOf(e.getKey())))
          .append("</td><td class=\"n\">")
          .append(e.getValue().size())
          .append("</td><td style=\"width:70%\">")
          .append(timeline(e.getValue(), first, last, planted))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table></div>\n");
  }

  private static final double STRIP_WIDTH = 360;

  /** One strip per alert over [from, to]: its days as a bar in the detector's colour. */
  private static String strips(
      List<org.gridgov.watch.Alert> alerts,
      java.time.LocalDate from,
      java.time.LocalDate to,
      java.time.LocalDate start,
      java.time.LocalDate end) {
    if (alerts.isEmpty()) {
      return "<span class=\"muted small\">no alert</span>";
    }
    double days = to.toEpochDay() - from.toEpochDay() + 1;
    double px = STRIP_WIDTH / days;
    double rowH = 14;
    double height = rowH * alerts.size() + 4;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(Xml.n1(STRIP_WIDTH))
        .append("\" height=\"")
        .append(Xml.n1(height))
        .append("\" font-size=\"10\">");
    svg.append("<rect x=\"")
        .append(Xml.n1((start.toEpochDay() - from.toEpochDay()) * px))
        .append("\" y=\"0\" width=\"")
        .append(Xml.n1((end.toEpochDay() - start.toEpochDay() + 1) * px))
        .append("\" height=\"")
        .append(Xml.n1(height))
        .append("\" fill=\"#fde0dd\" stroke=\"#d7191c\"/>");
    double y = 2;
    for (org.gridgov.watch.Alert a : alerts) {
      java.time.LocalDate s0 = a.start().isBefore(from) ? from : a.start();
      java.time.LocalDate e0 = a.end().isAfter(to) ? to : a.end();
      svg.append("<rect x=\"")
          .append(Xml.n1((s0.toEpochDay() - from.toEpochDay()) * px))
          .append("\" y=\"")
          .append(Xml.n1(y + 2))
          .append("\" width=\"")
          .append(Xml.n1(Math.max(2, (e0.toEpochDay() - s0.toEpochDay() + 1) * px)))
          .append("\" height=\"8\" fill=\"")
          .append(detectorColour(a.detector()))
          .append("\"><title>")
          .append(Xml.esc(alertTip(a)))
          .append("</title></rect>");
      y += rowH;
    }
    svg.append("</svg>");
    return svg.toString();
  }

  /** A row's timeline over the period: a bar per alert, red frames on planted outbreaks. */
  private static String timeline(
      List<org.gridgov.watch.Alert> alerts,
      java.time.LocalDate first,
      java.time.LocalDate last,
      List<DemoWatch.Outbreak> planted) {
    double width = 720;
    double days = last.toEpochDay() - first.toEpochDay() + 1;
    double px = width / days;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(Xml.n1(width))
        .append("\" height=\"14\"><rect width=\"")
        .append(Xml.n1(width))
        .append("\" height=\"14\" fill=\"#f2f0eb\"/>");
    for (DemoWatch.Outbreak o : planted) {
      svg.append("<rect x=\"")
          .append(Xml.n1((o.start().toEpochDay() - first.toEpochDay()) * px - 1))
          .append("\" y=\"0.5\" width=\"")
          .append(Xml.n1(o.days() * px + 2))
          .append("\" height=\"13\" fill=\"none\" stroke=\"#d7191c\"/>");
    }
    for (org.gridgov.watch.Alert a : alerts) {
      svg.append("<rect x=\"")
          .append(Xml.n1((a.start().toEpochDay() - first.toEpochDay()) * px))
          .append("\" y=\"3\" width=\"")
          .append(Xml.n1(Math.max(1.5, a.days() * px)))
          .append("\" height=\"8\" fill=\"")
          .append(detectorColour(a.detector()))
          .append("\" fill-opacity=\"0.8\"><title>")
          .append(Xml.esc(alertTip(a)))
          .append("</title></rect>");
    }
    svg.append("</svg>");
    return svg.toString();
  }

  private static String alertTip(org.gridgov.watch.Alert a) {
    return a.detector().jsonName()
        + " · "
        + a.category()
        + " · "
        + a.start()
        + (a.days() > 1 ? " – " + a.end() : "")
        + " · observed "
        + a.observed()
        + ", expected "
        + Xml.fixed(a.expected(), 1)
        + (a.pValue().isPresent() ? ", p = " + Xml.fixed(a.pValue().getAsDouble(), 3) : "")
        + (a.grids().size() > 1 ? " · " + a.grids().size() + " communities" : "");
  }

  /**
   * The organisation on the grids (党建引领): the coverage map, the four coverages per street, the
   * check's findings and the branches' star distribution.
   */
  private static void org(StringBuilder h, DemoResult r) {
    DemoResult.Org org = r.org();
    SampleCity s = r.sample();
    OrgReport check = org.check();
    h.append("<h2 id=\"org\">党建引领 · Organisation on the grids</h2>\n<p class=\"small\">")
        .append(
            Xml.esc(
                "The sample's organisation (org.json: "
                    + Xml.count(s.org().organisations().size())
                    + " organisations, "
                    + Xml.count(s.org().people().size())
                    + " people, "
                    + Xml.count(s.org().posts().size())
                    + " posts) checked under the default rules on "
                    + org.asOf()
                    + " (gridgov org check): "
                    + check.findings().all().size()
                    + " findings. Grids without an organisation or a chief would stand out in"
                    + " red; the sample's three deliberate imperfections are in orange."))
        .append("</p>\n<div class=\"map\">\n")
        .append(MapSvg.orgElement(r))
        .append("</div>\n");
    h.append("<h3>四个全覆盖 · The four coverages</h3>\n")
        .append("<div class=\"scroll\"><table>\n<thead><tr><th>area</th>")
        .append("<th class=\"n\">territory 地域</th><th class=\"n\">people 人员</th>")
        .append("<th class=\"n\">affairs 事务</th><th class=\"n\">organisation 组织</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (OrgCoverage c : check.areas()) {
      if (c.level().filter(GridLevel.STREET::equals).isPresent()) {
        coverageRow(h, s.nameOf(c.area().orElseThrow()), c.area().orElseThrow().value(), c);
      }
    }
    coverageRow(h, "all", "", check.total());
    h.append("</tbody>\n</table></div>\n<p class=\"small muted\">")
        .append(
            Xml.esc(
                "territory: leaf grids with a chief and a full-time worker; people: households of"
                    + " the leaf grids with a full-time worker; affairs: leaf grids whose teams"
                    + " 1 + A + B all have somebody; organisation: grids that satisfy every"
                    + " organisation rule (docs/org.md, Coverage)."))
        .append("</p>\n");
    h.append("<div class=\"cols\">\n<div>\n<h3>Findings</h3>\n<ul class=\"small\">\n");
    for (Finding f : check.findings().all()) {
      h.append("<li><span class=\"tag\">")
          .append(Xml.esc(f.severity().name().toLowerCase(java.util.Locale.ROOT)))
          .append("</span> <b>")
          .append(Xml.esc(f.code()))
          .append("</b> ")
          .append(Xml.esc(f.message()))
          .append("</li>\n");
    }
    h.append("</ul>\n</div>\n<div>\n<h3>五星支部 · Branch stars ")
        .append(org.stars().year())
        .append("</h3>\n<table>\n<thead><tr><th>stars</th><th class=\"n\">branches</th>")
        .append("<th style=\"width:55%\"></th></tr></thead>\n<tbody>\n");
    int rated = org.stars().ratedCount();
    for (Map.Entry<Integer, Integer> e : org.stars().starCounts().entrySet()) {
      h.append("<tr><td>")
          .append("★".repeat(e.getKey()))
          .append("</td><td class=\"n\">")
          .append(Xml.count(e.getValue()))
          .append("</td><td>")
          .append(bar(e.getValue(), rated, false))
          .append("</td></tr>\n");
    }
    long demoted = org.stars().branches().stream().filter(b -> b.demotion().isPresent()).count();
    h.append("</tbody>\n</table>\n<p class=\"small muted\">")
        .append(
            Xml.esc(
                rated
                    + " branches rated under "
                    + org.stars().scheme().id()
                    + " with this run's grid scores (as gridgov org rate --scores scores.csv);"
                    + " the quotas moved "
                    + demoted
                    + " down a star (at most 10 % five stars, 30 % four)."))
        .append("</p>\n</div>\n</div>\n");
  }

  private static void coverageRow(StringBuilder h, String name, String unit, OrgCoverage c) {
    h.append("<tr><td class=\"name\">").append(Xml.esc(name));
    if (!unit.isEmpty()) {
      h.append(" <span class=\"muted small\">").append(Xml.esc(unit)).append("</span>");
    }
    h.append("</td>");
    for (OrgCoverage.Share x : List.of(c.territory(), c.people(), c.affairs(), c.organisation())) {
      h.append("<td class=\"n\">")
          .append(Xml.esc(Xml.percent(x.covered(), x.total())))
          .append(" <span class=\"muted small\">")
          .append(x.covered())
          .append('/')
          .append(x.total())
          .append("</span></td>");
    }
    h.append("</tr>\n");
  }

  private static void creditRow(
      StringBuilder h, String name, String unit, List<String> levels, Map<String, Integer> counts) {
    int total = 0;
    for (int n : counts.values()) {
      total += n;
    }
    h.append("<tr><td class=\"name\">").append(Xml.esc(name));
    if (!unit.isEmpty()) {
      h.append(" <span class=\"muted small\">").append(Xml.esc(unit)).append("</span>");
    }
    h.append("</td><td class=\"n\">").append(Xml.count(total)).append("</td>");
    for (String l : levels) {
      h.append("<td class=\"n\">").append(Xml.count(counts.getOrDefault(l, 0))).append("</td>");
    }
    h.append("<td><div style=\"display:flex;height:12px\">");
    for (int i = 0; i < levels.size(); i++) {
      int n = counts.getOrDefault(levels.get(i), 0);
      if (n > 0) {
        h.append("<div style=\"width:")
            .append(Xml.fixed(100.0 * n / total, 1))
            .append("%;background:")
            .append(levelColour(i))
            .append("\" title=\"")
            .append(Xml.esc(levels.get(i) + ": " + n))
            .append("\"></div>");
      }
    }
    h.append("</div></td></tr>\n");
  }

  private static void card(StringBuilder h, String value, String label) {
    h.append("<div class=\"card\"><div class=\"v\">")
        .append(Xml.esc(value))
        .append("</div><div class=\"k\">")
        .append(Xml.esc(label))
        .append("</div></div>\n");
  }

  private static void row(StringBuilder h, String label, long n) {
    h.append("<tr><td>")
        .append(Xml.esc(label))
        .append("</td><td class=\"n\">")
        .append(Xml.count(n))
        .append("</td></tr>\n");
  }

  private static String bar(long n, long whole, boolean side) {
    double pct = whole == 0 ? 0 : 100.0 * n / whole;
    return "<div class=\"bar"
        + (side ? " side" : "")
        + "\" style=\"width:"
        + Xml.fixed(pct, 1)
        + "%\"></div>";
  }

  /** A ranking table; with a limit, the top and bottom {@code limit} and the rest folded away. */
  private static void ranking(StringBuilder h, DemoResult r, UnitKind kind, int limit) {
    List<ScoreRow> rows = ScoreRow.of(r, kind);
    RankingResult rr = r.ranking(kind).orElseThrow();
    List<Double> scores = new ArrayList<>();
    rows.forEach(x -> x.score().ifPresent(scores::add));
    double[] classes = MapSvg.classes(scores);
    h.append("<h3>")
        .append(Xml.esc(DemoSummary.title(kind)))
        .append(" <span class=\"tag\">")
        .append(Xml.esc(rr.scorecard().scheme().id()))
        .append("</span></h3>\n");
    if (rows.size() <= 2L * limit) {
      table(h, rows, classes, kind);
      return;
    }
    List<ScoreRow> ranked = rows.stream().filter(x -> x.rank().isPresent()).toList();
    h.append("<div class=\"cols\">\n<div>\n<p class=\"small muted\">top ")
        .append(limit)
        .append("</p>\n");
    table(h, ranked.subList(0, Math.min(limit, ranked.size())), classes, kind);
    h.append("</div>\n<div>\n<p class=\"small muted\">bottom ").append(limit).append("</p>\n");
    table(h, ranked.subList(Math.max(0, ranked.size() - limit), ranked.size()), classes, kind);
    h.append("</div>\n</div>\n<details>\n<summary>all ")
        .append(rows.size())
        .append(" ")
        .append(Xml.esc(DemoSummary.title(kind)))
        .append("</summary>\n");
    table(h, rows, classes, kind);
    h.append("</details>\n");
  }

  private static void table(StringBuilder h, List<ScoreRow> rows, double[] classes, UnitKind kind) {
    h.append("<div class=\"scroll\"><table>\n<thead><tr><th class=\"n\">#</th><th>")
        .append(kind == UnitKind.DEPARTMENT ? "department" : "name")
        .append("</th>");
    if (kind == UnitKind.COMMUNITY) {
      h.append("<th>street</th>");
    }
    h.append("<th class=\"n\">score</th><th>grade</th><th class=\"n\">cases</th>")
        .append("<th class=\"n\">on time</th><th class=\"n\">satisfied</th>")
        .append("<th class=\"n\">overdue</th></tr></thead>\n<tbody>\n");
    for (ScoreRow x : rows) {
      h.append("<tr><td class=\"n\">")
          .append(x.rank().isPresent() ? Integer.toString(x.rank().getAsInt()) : "–")
          .append("</td><td class=\"name\">");
      if (x.score().isPresent()) {
        h.append("<span class=\"chip\" style=\"background:")
            .append(MapSvg.PALETTE[MapSvg.classOf(x.score().getAsDouble(), classes)])
            .append("\"></span>");
      } else {
        h.append("<span class=\"chip\" style=\"background:")
            .append(MapSvg.NO_SCORE)
            .append("\"></span>");
      }
      h.append(Xml.esc(x.name()))
          .append(" <span class=\"muted small\">")
          .append(Xml.esc(x.unit()))
          .append("</span></td>");
      if (kind == UnitKind.COMMUNITY) {
        h.append("<td class=\"name\">").append(Xml.esc(x.parent())).append("</td>");
      }
      h.append("<td class=\"n\">")
          .append(x.scoreText())
          .append("</td><td>")
          .append(Xml.esc(x.grade().orElse("–")))
          .append("</td><td class=\"n\">")
          .append(Xml.count(Math.round(x.cases())))
          .append("</td><td class=\"n\">")
          .append(
              x.onTime().isPresent() ? Xml.fixed(100 * x.onTime().getAsDouble(), 1) + " %" : "–")
          .append("</td><td class=\"n\">")
          .append(
              x.satisfaction().isPresent()
                  ? Xml.fixed(100 * x.satisfaction().getAsDouble(), 1) + " %"
                  : "–")
          .append("</td><td class=\"n\">")
          .append(Xml.count(Math.round(x.overdue())))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table></div>\n");
  }

  /** Reports per month as an inline SVG column chart. */
  private static String monthChart(DemoResult r) {
    int max = 1;
    for (int v : r.months().values()) {
      max = Math.max(max, v);
    }
    int n = r.months().size();
    double w = 560;
    double hgt = 170;
    double bw = (w - 40) / Math.max(1, n);
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(Xml.n1(w))
        .append(' ')
        .append(Xml.n1(hgt))
        .append("\" width=\"100%\" role=\"img\" aria-label=\"reports per month\"")
        .append(" font-family=\"sans-serif\" font-size=\"10\">\n");
    int i = 0;
    for (Map.Entry<String, Integer> e : r.months().entrySet()) {
      double bh = 120.0 * e.getValue() / max;
      double x = 30 + i * bw;
      s.append("<rect x=\"")
          .append(Xml.n1(x + 3))
          .append("\" y=\"")
          .append(Xml.n1(140 - bh))
          .append("\" width=\"")
          .append(Xml.n1(bw - 6))
          .append("\" height=\"")
          .append(Xml.n1(bh))
          .append("\" fill=\"#4575b4\"><title>")
          .append(e.getKey())
          .append(": ")
          .append(Xml.count(e.getValue()))
          .append(" reports</title></rect>")
          .append("<text x=\"")
          .append(Xml.n1(x + bw / 2))
          .append("\" y=\"154\" text-anchor=\"middle\" fill=\"#555\">")
          .append(e.getKey().substring(5))
          .append("</text><text x=\"")
          .append(Xml.n1(x + bw / 2))
          .append("\" y=\"")
          .append(Xml.n1(136 - bh))
          .append("\" text-anchor=\"middle\" fill=\"#333\">")
          .append(Xml.count(e.getValue()))
          .append("</text>\n");
      i++;
    }
    s.append("<line x1=\"30\" y1=\"140\" x2=\"")
        .append(Xml.n1(w - 10))
        .append("\" y2=\"140\" stroke=\"#444\"/>\n</svg>\n");
    return s.toString();
  }
}
