package org.gridgov.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.gridgov.core.Finding;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.Grid;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.core.Severity;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.org.Organisation;
import org.gridgov.risk.ComplianceReport;
import org.gridgov.risk.ComplianceRow;
import org.gridgov.risk.DueStatus;
import org.gridgov.risk.ElementDue;
import org.gridgov.risk.PatrolDay;
import org.gridgov.risk.PatrolStop;
import org.gridgov.scoring.UnitKind;
import org.gridgov.watch.Alert;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Draws the sample city as an SVG choropleth: every responsibility grid coloured by its score in
 * seven classes (red = low, blue = high), grid borders fine and white, community borders medium,
 * street borders heavy with a halo, exclusive grids hatched with an SVG pattern, patrol points as
 * dots, the top and bottom five grids marked with their rank, street and community names, a legend,
 * a scale bar and a north arrow. Each grid carries a {@code <title>} tooltip (name, score, grade,
 * rank, cases). The output is plain SVG 1.1 with no external references, and the same result gives
 * the same bytes.
 */
public final class MapSvg {
  /**
   * The colours of the seven score classes, low to high (ColorBrewer RdYlBu, colour-blind safe).
   */
  static final String[] PALETTE = {
    "#d73027", "#f46d43", "#fdae61", "#fee090", "#abd9e9", "#74add1", "#4575b4"
  };

  private static final org.locationtech.jts.geom.GeometryFactory JTS =
      new org.locationtech.jts.geom.GeometryFactory();

  /** The first line of a standalone SVG file. */
  static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  private static final String TOP = "#0b3d91";
  private static final String BOTTOM = "#a50f15";

  /** The colour of a grid without a score. */
  static final String NO_SCORE = "#d9d6cf";

  private static final String FONT =
      "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',"
          + "'WenQuanYi Micro Hei',sans-serif";

  private static final double MAP_WIDTH = 860;
  private static final double MARGIN = 24;
  private static final double HEADER = 78;
  private static final double LEGEND_WIDTH = 300;

  private MapSvg() {}

  /**
   * The class breaks of a set of scores: seven classes with (about) as many grids each — septiles,
   * rounded to 0.1 point — so that the map shows each grid's standing among its peers. Returns
   * eight bounds, the lowest and highest score first and last.
   *
   * @param scores the scores
   * @return the bounds b0 … b7; class i holds scores in [b_i, b_i+1)
   */
  static double[] classes(List<Double> scores) {
    double[] b = new double[PALETTE.length + 1];
    if (scores.isEmpty()) {
      for (int i = 0; i < b.length; i++) {
        b[i] = 100.0 * i / PALETTE.length;
      }
      return b;
    }
    double[] sorted = scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    b[0] = Math.floor(sorted[0] * 10) / 10;
    b[PALETTE.length] = Math.ceil(sorted[n - 1] * 10) / 10;
    for (int i = 1; i < PALETTE.length; i++) {
      int rank = (int) Math.ceil((double) i * n / PALETTE.length); // nearest rank, 1-based
      b[i] = Math.max(b[i - 1], Math.round(sorted[Math.min(n - 1, rank)] * 10) / 10.0);
    }
    return b;
  }

  /**
   * The class of a score.
   *
   * @param score the score
   * @param bounds from {@link #classes(List)}
   * @return 0 … 6
   */
  static int classOf(double score, double[] bounds) {
    int c = 0;
    for (int i = 1; i < PALETTE.length; i++) {
      if (score >= bounds[i]) {
        c = i;
      }
    }
    return c;
  }

  /**
   * Renders the map as a standalone SVG document (with an XML declaration).
   *
   * @param result the demo result
   * @return the SVG text
   */
  public static String document(DemoResult result) {
    return XML_DECLARATION + element(result);
  }

  /**
   * Renders the map as an {@code <svg>} element, to inline in HTML.
   *
   * @param result the demo result
   * @return the SVG element
   */
  public static String element(DemoResult result) {
    return new Drawing(result).draw();
  }

  /** What the organisation map shows on a grid, worst first. */
  enum OrgStatus {
    /** No organisation or no grid chief: the warning colour. */
    MISSING("#a50f15", "no organisation or no grid chief"),
    /** Another finding on the grid or its organisation (worker, term, committee). */
    FINDING("#fdae61", "another finding (worker, term, committee)"),
    /** Covered by a party branch (or joint branch), nothing found. */
    BRANCH("#2c7bb6", "party branch, nothing found"),
    /** Covered by a party group only, nothing found. */
    GROUP("#abd9e9", "party group, nothing found");

    final String colour;
    final String label;

    OrgStatus(String colour, String label) {
      this.colour = colour;
      this.label = label;
    }
  }

  /**
   * The organisation status of every responsibility and exclusive grid: {@link OrgStatus#MISSING}
   * when the check found no organisation, no joint organisation or no chief on it; {@link
   * OrgStatus#FINDING} when another error or warning names it or an organisation covering it; else
   * by the organisation covering it.
   *
   * @param result the demo result
   * @return the status per grid, in id order
   */
  static Map<GridId, OrgStatus> orgStatus(DemoResult result) {
    SampleCity sample = result.sample();
    Map<String, java.util.Set<String>> codes = new TreeMap<>();
    for (Finding f : result.org().check().findings().all()) {
      if (f.severity() != Severity.INFO && !f.subjects().isEmpty()) {
        codes.computeIfAbsent(f.subjects().get(0), k -> new java.util.TreeSet<>()).add(f.code());
      }
    }
    List<Grid> grids = new ArrayList<>(sample.gridsAt(GridLevel.COMPOUND));
    grids.addAll(sample.exclusiveGrids());
    Map<GridId, OrgStatus> out = new TreeMap<>();
    for (Grid g : grids) {
      java.util.Set<String> own = codes.getOrDefault(g.id().value(), java.util.Set.of());
      boolean branch = false;
      boolean other = !own.isEmpty();
      for (Organisation o : sample.org().organisationsOn(g.id())) {
        branch |= o.type().isBranch();
        other |= codes.containsKey(o.id());
      }
      OrgStatus status;
      if (own.contains("GRID_WITHOUT_ORGANISATION")
          || own.contains("GRID_WITHOUT_CHIEF")
          || own.contains("EXCLUSIVE_WITHOUT_JOINT_ORGANISATION")) {
        status = OrgStatus.MISSING;
      } else if (other) {
        status = OrgStatus.FINDING;
      } else {
        status = branch ? OrgStatus.BRANCH : OrgStatus.GROUP;
      }
      out.put(g.id(), status);
    }
    return out;
  }

  /**
   * Renders the organisation coverage map as an {@code <svg>} element, to inline in HTML: the
   * responsibility grids and the exclusive grids coloured by {@link #orgStatus}, with the community
   * and street borders of the score map and a legend with counts.
   *
   * @param result the demo result
   * @return the SVG element
   */
  static String orgElement(DemoResult result) {
    return new Drawing(result).drawOrg(orgStatus(result));
  }

  /**
   * Renders the early-warning map as an {@code <svg>} element, to inline in HTML: the communities
   * shaded by the number of alerts on them in the period (the scan's clusters count for each of
   * their communities), the communities of the planted outbreaks outlined in red with their labels.
   *
   * @param result the demo result
   * @return the SVG element
   */
  static String watchElement(DemoResult result) {
    return new Drawing(result).drawWatch();
  }

  /**
   * Renders the risk-control map as an {@code <svg>} element, to inline in HTML: the responsibility
   * grids shaded by red-element visit compliance, every coloured element as a red, yellow or blue
   * dot (overdue ones ringed in black), and one grid worker's day as a route with numbered stops.
   *
   * @param result the demo result, with a risk part
   * @return the SVG element
   */
  static String riskElement(DemoResult result) {
    return new Drawing(result).drawRisk(result.risk().orElseThrow());
  }

  /** The shades of the risk map: no red element, then compliance 100 %, ≥ 80 %, ≥ 60 %, below. */
  private static final String[] RISK_SHADES = {
    "#f2f0eb", "#d9ead3", "#fff2cc", "#fcd5b4", "#f4a582"
  };

  private static final String[] RISK_SHADE_LABELS = {
    "no red element", "all red visits kept", "80 % or more", "60 – 80 %", "below 60 %"
  };

  /** A grid's shade on the risk map. */
  static int riskShade(ComplianceReport report, GridId grid) {
    for (ComplianceRow row : report.rows(ComplianceRow.UnitKind.GRID)) {
      if (row.unit().equals(grid.value()) && row.colour() == RiskColour.RED) {
        OptionalDouble rate = row.rate();
        if (rate.isEmpty()) {
          return 0;
        }
        double v = rate.getAsDouble();
        return v >= 1 ? 1 : v >= 0.8 ? 2 : v >= 0.6 ? 3 : 4;
      }
    }
    return 0;
  }

  /** Alerts per community, in id order (every community, zeros included). */
  static Map<GridId, Integer> alertsByCommunity(DemoResult result) {
    Map<GridId, Integer> out = new TreeMap<>();
    for (Grid g : result.sample().gridsAt(GridLevel.COMMUNITY)) {
      out.put(g.id(), 0);
    }
    for (Alert a : result.watch().alerts()) {
      for (String unit : a.grids()) {
        out.computeIfPresent(GridId.of(unit), (k, n) -> n + 1);
      }
    }
    return out;
  }

  /** The shades of the early-warning map, from no alert to the most alerted community. */
  private static final String[] WATCH_SHADES = {
    "#f2f0eb", "#fde2c4", "#fbb97c", "#f08a4b", "#d95f27", "#a63b12"
  };

  /** One drawing; mutable, used once. */
  private static final class Drawing {
    private final DemoResult result;
    private final SampleCity sample;
    private final StringBuilder svg = new StringBuilder(1 << 20);
    private final Map<GridId, Geometry> screen = new TreeMap<>();
    private double width;
    private double height;
    private double metresPerPixel;

    Drawing(DemoResult result) {
      this.result = result;
      this.sample = result.sample();
    }

    String draw() {
      project();
      labelSpots();
      List<ScoreRow> rows = ScoreRow.of(result, UnitKind.GRID);
      Map<String, ScoreRow> byGrid = new TreeMap<>();
      List<Double> scores = new ArrayList<>();
      for (ScoreRow r : rows) {
        byGrid.put(r.unit(), r);
        r.score().ifPresent(scores::add);
      }
      double[] classes = classes(scores);
      openSvg(" grid score map");
      defs();
      svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#f6f3ec\"/>\n");
      header(scores.size());
      GridId root = sample.map().hierarchy().roots().get(0);
      // the town's shadow and paper
      svg.append("<path d=\"")
          .append(path(screen.get(root)))
          .append("\" fill=\"#8a8273\" filter=\"url(#shadow)\" opacity=\"0.55\"/>\n");
      // grids
      svg.append(
          "<g id=\"grids\" stroke=\"#ffffff\" stroke-width=\"0.8\" stroke-linejoin=\"round\">\n");
      for (Grid g : sample.gridsAt(GridLevel.COMPOUND)) {
        ScoreRow row = byGrid.get(g.id().value());
        String fill =
            row == null || row.score().isEmpty()
                ? NO_SCORE
                : PALETTE[classOf(row.score().getAsDouble(), classes)];
        el(
                "path",
                "class",
                "grid",
                "data-grid",
                g.id().value(),
                "fill",
                fill,
                "d",
                path(screen.get(g.id())))
            .append('>');
        with("title", tooltip(g, row));
        svg.append("</path>\n");
      }
      svg.append("</g>\n");
      // community borders, then street borders with a halo, then the town's edge
      svg.append(
          "<g id=\"communities\" fill=\"none\" stroke=\"#3b3b3b\" stroke-width=\"1.5\""
              + " stroke-linejoin=\"round\" stroke-opacity=\"0.85\">\n");
      for (Grid g : sample.gridsAt(GridLevel.COMMUNITY)) {
        outline(g.id());
      }
      svg.append("</g>\n");
      svg.append("<g id=\"streets\" fill=\"none\" stroke-linejoin=\"round\">\n");
      for (Grid g : sample.gridsAt(GridLevel.STREET)) {
        svg.append("<path stroke=\"#ffffff\" stroke-width=\"6\" stroke-opacity=\"0.9\" d=\"")
            .append(path(screen.get(g.id())))
            .append("\"/>\n");
      }
      for (Grid g : sample.gridsAt(GridLevel.STREET)) {
        svg.append("<path stroke=\"#1d1d1d\" stroke-width=\"3\" d=\"")
            .append(path(screen.get(g.id())))
            .append("\"/>\n");
      }
      svg.append("<path stroke=\"#1d1d1d\" stroke-width=\"3.6\" d=\"")
          .append(path(screen.get(root)))
          .append("\"/>\n</g>\n");
      exclusive();
      patrolPoints();
      labels();
      badges(rows);
      scaleAndNorth();
      legend(classes, scores);
      footer();
      svg.append("</svg>\n");
      return svg.toString();
    }

    /** The root element, sized to the map, labelled with the town's name and {@code what}. */
    private void openSvg(String what) {
      svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"")
          .append(Xml.n1(width))
          .append("\" height=\"")
          .append(Xml.n1(height))
          .append("\" viewBox=\"0 0 ")
          .append(Xml.n1(width))
          .append(' ')
          .append(Xml.n1(height))
          .append("\" font-family=\"")
          .append(Xml.esc(FONT))
          .append("\" role=\"img\" aria-label=\"")
          .append(Xml.esc(sample.name() + what))
          .append("\">\n");
    }

    String drawOrg(Map<GridId, OrgStatus> status) {
      project();
      openSvg(" organisation coverage map");
      svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#f6f3ec\"/>\n");
      titles(
          sample.name() + " · 组织覆盖 " + result.org().asOf(),
          "Party organisations and grid chiefs on the responsibility and exclusive grids, checked"
              + " under the default rules on "
              + result.org().asOf());
      GridId root = sample.map().hierarchy().roots().get(0);
      svg.append(
          "<g id=\"org-grids\" stroke=\"#ffffff\" stroke-width=\"0.8\""
              + " stroke-linejoin=\"round\">\n");
      for (Grid g : sample.gridsAt(GridLevel.COMPOUND)) {
        orgGrid(g, status.get(g.id()), false);
      }
      svg.append("</g>\n");
      svg.append(
          "<g fill=\"none\" stroke=\"#3b3b3b\" stroke-width=\"1.5\""
              + " stroke-linejoin=\"round\" stroke-opacity=\"0.85\">\n");
      for (Grid g : sample.gridsAt(GridLevel.COMMUNITY)) {
        outline(g.id());
      }
      svg.append("</g>\n<g fill=\"none\" stroke=\"#1d1d1d\" stroke-linejoin=\"round\">\n");
      for (Grid g : sample.gridsAt(GridLevel.STREET)) {
        svg.append("<path stroke-width=\"3\" d=\"")
            .append(path(screen.get(g.id())))
            .append("\"/>\n");
      }
      svg.append("<path stroke-width=\"3.6\" d=\"")
          .append(path(screen.get(root)))
          .append("\"/>\n</g>\n<g id=\"org-exclusive\">\n");
      for (Grid g : sample.exclusiveGrids()) {
        orgGrid(g, status.get(g.id()), true);
      }
      svg.append("</g>\n");
      // the legend, with counts
      double x = MARGIN + MAP_WIDTH + MARGIN;
      double y = HEADER + MARGIN + 10;
      text(x, y, "Grids (" + status.size() + ")", 14.0, "700");
      for (OrgStatus st : OrgStatus.values()) {
        y += 26;
        long n = status.values().stream().filter(v -> v == st).count();
        legendBox(x, y, "fill", st.colour, "rx", 2.0);
        legendLabel(x, y, st.label + ": " + n);
        svg.append('\n');
      }
      y += 26;
      legendBox(x, y, "fill", "#ffffff", "stroke", "#111", "stroke-dasharray", "4 2");
      legendLabel(x, y, "dashed outline: exclusive grid (专属网格)");
      svg.append("\n</svg>\n");
      return svg.toString();
    }

    String drawRisk(DemoResult.Risk risk) {
      project();
      openSvg(" risk control map");
      svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#f6f3ec\"/>\n");
      titles(
          sample.name() + " · 三色管控 " + risk.asOf(),
          "Grids shaded by red-element visit compliance; coloured elements as dots (ringed:"
              + " overdue); the route: "
              + risk.day().worker()
              + "'s day");
      int[] shades = new int[RISK_SHADES.length];
      svg.append(
          "<g id=\"risk-grids\" stroke=\"#ffffff\" stroke-width=\"0.8\""
              + " stroke-linejoin=\"round\">\n");
      for (Grid g : sample.gridsAt(GridLevel.COMPOUND)) {
        if (g.kind() != GridKind.TERRITORIAL) {
          continue;
        }
        int shade = riskShade(risk.compliance(), g.id());
        shades[shade]++;
        el(
                "path",
                "data-grid",
                g.id().value(),
                "fill",
                RISK_SHADES[shade],
                "d",
                path(screen.get(g.id())))
            .append('>');
        with(
            "title",
            sample.nameOf(g.id()) + " (" + g.id().value() + ")\n" + RISK_SHADE_LABELS[shade]);
        svg.append("</path>\n");
      }
      svg.append("</g>\n<g fill=\"none\" stroke=\"#3b3b3b\" stroke-linejoin=\"round\">\n");
      for (Grid g : sample.gridsAt(GridLevel.COMMUNITY)) {
        svg.append("<path stroke-width=\"1.2\" d=\"")
            .append(path(screen.get(g.id())))
            .append("\"/>\n");
      }
      GridId root = sample.map().hierarchy().roots().get(0);
      for (Grid g : sample.gridsAt(GridLevel.STREET)) {
        svg.append("<path stroke-width=\"2.6\" d=\"")
            .append(path(screen.get(g.id())))
            .append("\"/>\n");
      }
      svg.append("<path stroke-width=\"3.2\" d=\"")
          .append(path(screen.get(root)))
          .append("\"/>\n</g>\n");
      // the dots, blue first so that red lies on top
      Map<RiskColour, Integer> counts = new java.util.EnumMap<>(RiskColour.class);
      svg.append("<g id=\"risk-elements\" fill-opacity=\"0.9\">\n");
      RiskColour[] order = {RiskColour.BLUE, RiskColour.YELLOW, RiskColour.ORANGE, RiskColour.RED};
      for (RiskColour c : order) {
        for (ElementDue d : risk.due().rows()) {
          GeoPoint p = risk.positions().get(d.element());
          if (d.colour() != c || p == null) {
            continue;
          }
          counts.merge(c, 1, Integer::sum);
          double[] xy = toScreen.apply(p.lon(), p.lat());
          boolean overdue = d.status() == DueStatus.OVERDUE;
          el(
                  "circle",
                  "cx",
                  xy[0],
                  "cy",
                  xy[1],
                  "r",
                  c == RiskColour.RED ? 2.6 : 2.0,
                  "fill",
                  riskFill(c),
                  "stroke",
                  overdue ? "#1d1d1d" : "none",
                  "stroke-width",
                  0.8)
              .append('>');
          with(
              "title",
              d.element()
                  + " "
                  + d.colour().name().toLowerCase(Locale.ROOT)
                  + ", due "
                  + d.due()
                  + (overdue ? " (" + d.daysOverdue() + " days overdue)" : ""));
          svg.append("</circle>\n");
        }
      }
      svg.append("</g>\n");
      // the worker's day
      PatrolDay day = risk.day();
      if (!day.stops().isEmpty()) {
        StringBuilder pts = new StringBuilder();
        for (PatrolStop st : day.stops()) {
          double[] xy = toScreen.apply(st.position().lon(), st.position().lat());
          pts.append(pts.length() == 0 ? "" : " ")
              .append(Xml.n1(xy[0]))
              .append(',')
              .append(Xml.n1(xy[1]));
        }
        svg.append("<g id=\"risk-route\">\n");
        empty(
            "polyline",
            "points",
            pts.toString(),
            "fill",
            "none",
            "stroke",
            "#2b2b2b",
            "stroke-width",
            2.0,
            "stroke-dasharray",
            "5 3");
        svg.append('\n');
        int n = 0;
        for (PatrolStop st : day.stops()) {
          n++;
          double[] xy = toScreen.apply(st.position().lon(), st.position().lat());
          empty(
              "circle",
              "cx",
              xy[0],
              "cy",
              xy[1],
              "r",
              7.0,
              "fill",
              "#ffffff",
              "stroke",
              "#2b2b2b",
              "stroke-width",
              1.5);
          with(
              "text",
              Integer.toString(n),
              "x",
              xy[0],
              "y",
              xy[1] + 3.5,
              "font-size",
              9.5,
              "font-weight",
              "700",
              "text-anchor",
              "middle",
              "fill",
              "#1d1d1d");
          svg.append('\n');
        }
        svg.append("</g>\n");
      }
      // legend
      double x = MARGIN + MAP_WIDTH + MARGIN;
      double y = HEADER + MARGIN + 10;
      text(x, y, "Red-element visit compliance", 14.0, "700");
      for (int i = 0; i < RISK_SHADES.length; i++) {
        y += 24;
        legendSwatch(x, y, RISK_SHADES[i]);
        legendLabel(x, y, RISK_SHADE_LABELS[i] + " (" + shades[i] + ")");
        svg.append('\n');
      }
      y += 36;
      text(x, y, "Coloured elements", 14.0, "700");
      for (RiskColour c : new RiskColour[] {RiskColour.RED, RiskColour.YELLOW, RiskColour.BLUE}) {
        y += 22;
        empty("circle", "cx", x + 8, "cy", y - 4, "r", 5.0, "fill", riskFill(c));
        legendLabel(
            x, y, c.name().toLowerCase(Locale.ROOT) + " " + Xml.count(counts.getOrDefault(c, 0)));
        svg.append('\n');
      }
      y += 36;
      text(x, y, day.worker() + "'s day", 14.0, "700");
      y += 22;
      with(
          "text",
          day.stops().size()
              + " stops · "
              + Xml.count(Math.round(day.metres()))
              + " m · "
              + Xml.count(Math.round(day.minutes()))
              + " min",
          "x",
          x,
          "y",
          y,
          "font-size",
          12.5,
          "fill",
          "#1d1d1d");
      svg.append("\n</svg>\n");
      return svg.toString();
    }

    private static String riskFill(RiskColour c) {
      return switch (c) {
        case RED -> "#d7191c";
        case ORANGE -> "#f08a24";
        case YELLOW -> "#e6b800";
        case BLUE -> "#2c7bb6";
      };
    }

    String drawWatch() {
      project();
      openSvg(" early warning map");
      svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#f6f3ec\"/>\n");
      DemoResult.Watch w = result.watch();
      titles(
          sample.name()
              + " · 预警 "
              + result.options().start()
              + " – "
              + result.options().end().minusDays(1),
          "Communities shaded by their alerts in the period; red outlines: the planted outbreaks");
      Map<GridId, Integer> counts = alertsByCommunity(result);
      int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      svg.append(
          "<g id=\"watch-communities\" stroke=\"#ffffff\" stroke-width=\"1.2\""
              + " stroke-linejoin=\"round\">\n");
      for (Grid g : sample.gridsAt(GridLevel.COMMUNITY)) {
        int n = counts.getOrDefault(g.id(), 0);
        int shade =
            n == 0
                ? 0
                : 1
                    + (int)
                        Math.min(
                            WATCH_SHADES.length - 2,
                            (long) (WATCH_SHADES.length - 1) * (n - 1) / Math.max(1, most));
        el(
                "path",
                "data-grid",
                g.id().value(),
                "fill",
                WATCH_SHADES[shade],
                "d",
                path(screen.get(g.id())))
            .append('>');
        with(
            "title",
            sample.nameOf(g.id())
                + " ("
                + g.id().value()
                + ")\n"
                + n
                + (n == 1 ? " alert" : " alerts"));
        svg.append("</path>\n");
      }
      svg.append("</g>\n<g fill=\"none\" stroke=\"#1d1d1d\" stroke-linejoin=\"round\">\n");
      GridId root = sample.map().hierarchy().roots().get(0);
      for (Grid g : sample.gridsAt(GridLevel.STREET)) {
        svg.append("<path stroke-width=\"3\" d=\"")
            .append(path(screen.get(g.id())))
            .append("\"/>\n");
      }
      svg.append("<path stroke-width=\"3.6\" d=\"")
          .append(path(screen.get(root)))
          .append(
              "\"/>\n</g>\n<g id=\"watch-outbreaks\" fill=\"none\" stroke=\"#d7191c\""
                  + " stroke-width=\"3\" stroke-linejoin=\"round\">\n");
      for (DemoWatch.Found f : w.outbreaks()) {
        GridId c = f.outbreak().community();
        empty("path", "data-outbreak", f.outbreak().label(), "d", path(screen.get(c)));
        svg.append('\n');
      }
      svg.append("</g>\n");
      for (DemoWatch.Found f : w.outbreaks()) {
        org.locationtech.jts.geom.Point p = screen.get(f.outbreak().community()).getInteriorPoint();
        with(
            "text",
            f.outbreak().label(),
            "x",
            p.getX(),
            "y",
            p.getY() + 5,
            "font-size",
            15.0,
            "font-weight",
            "700",
            "text-anchor",
            "middle",
            "fill",
            "#d7191c",
            "stroke",
            "#ffffff",
            "stroke-width",
            3.0,
            "paint-order",
            "stroke");
        svg.append('\n');
      }
      double x = MARGIN + MAP_WIDTH + MARGIN;
      double y = HEADER + MARGIN + 10;
      text(x, y, "Alerts per community", 14.0, "700");
      String[] labels = {"none", "1 – " + Math.max(1, most / 5), "", "", "", "up to " + most};
      for (int i = 0; i < WATCH_SHADES.length; i++) {
        y += 24;
        legendSwatch(x, y, WATCH_SHADES[i]);
        if (!labels[i].isEmpty()) {
          legendLabel(x, y, labels[i]);
        }
        svg.append('\n');
      }
      y += 30;
      legendBox(x, y, "fill", "none", "stroke", "#d7191c", "stroke-width", 3.0);
      legendLabel(x, y, "planted outbreak (O1 …)");
      svg.append("\n</svg>\n");
      return svg.toString();
    }

    private void orgGrid(Grid g, OrgStatus st, boolean exclusive) {
      List<String> orgs = new ArrayList<>();
      for (Organisation o : sample.org().organisationsOn(g.id())) {
        if (o.type().isParty()) {
          orgs.add(o.name() + " (" + o.id() + ")");
        }
      }
      String tip =
          sample.nameOf(g.id())
              + " ("
              + g.id().value()
              + ")\n"
              + st.label
              + (orgs.isEmpty() ? "" : "\n" + String.join("\n", orgs));
      if (exclusive) {
        el(
                "path",
                "data-grid",
                g.id().value(),
                "fill",
                st.colour,
                "fill-opacity",
                "0.9",
                "stroke",
                "#111",
                "stroke-width",
                1.4,
                "stroke-dasharray",
                "4 2",
                "d",
                path(screen.get(g.id())))
            .append('>');
      } else {
        el("path", "data-grid", g.id().value(), "fill", st.colour, "d", path(screen.get(g.id())))
            .append('>');
      }
      with("title", tip);
      svg.append("</path>\n");
    }

    /** Projects every polygon to screen coordinates (equirectangular at the town's latitude). */
    private void project() {
      Envelope env = new Envelope();
      for (Grid g : sample.map().hierarchy().grids()) {
        env.expandToInclude(sample.map().geometry(g.id()).orElseThrow().getEnvelopeInternal());
      }
      double kx = 111_320.0 * Math.cos(Math.toRadians(env.centre().y));
      double ky = 110_574.0;
      double wMetres = env.getWidth() * kx;
      double hMetres = env.getHeight() * ky;
      double scale = MAP_WIDTH / wMetres; // px per metre
      double mapHeight = hMetres * scale;
      if (mapHeight > 760) {
        scale = 760 / hMetres;
        mapHeight = 760;
      }
      metresPerPixel = 1 / scale;
      width = MARGIN + MAP_WIDTH + MARGIN + LEGEND_WIDTH + MARGIN;
      height = HEADER + mapHeight + 2 * MARGIN + 34;
      double ox = MARGIN + (MAP_WIDTH - wMetres * scale) / 2;
      double oy = HEADER + MARGIN;
      double s = scale;
      for (Grid g : sample.map().hierarchy().grids()) {
        Geometry p = sample.map().geometry(g.id()).orElseThrow();
        p.apply(
            new CoordinateSequenceFilter() {
              @Override
              public void filter(CoordinateSequence seq, int i) {
                double x = ox + (seq.getX(i) - env.getMinX()) * kx * s;
                double y = oy + (env.getMaxY() - seq.getY(i)) * ky * s;
                seq.setOrdinate(i, 0, Math.round(x * 10) / 10.0);
                seq.setOrdinate(i, 1, Math.round(y * 10) / 10.0);
              }

              @Override
              public boolean isDone() {
                return false;
              }

              @Override
              public boolean isGeometryChanged() {
                return true;
              }
            });
        screen.put(g.id(), p);
      }
      toScreen =
          (lon, lat) ->
              new double[] {
                ox + (lon - env.getMinX()) * kx * s, oy + (env.getMaxY() - lat) * ky * s
              };
      patrolXy = new double[2 * sample.patrolPoints().size()];
      for (int i = 0; i < sample.patrolPoints().size(); i++) {
        PatrolPoint pt = sample.patrolPoints().get(i);
        patrolXy[2 * i] = ox + (pt.position().lon() - env.getMinX()) * kx * s;
        patrolXy[2 * i + 1] = oy + (env.getMaxY() - pt.position().lat()) * ky * s;
      }
    }

    private double[] patrolXy;
    private java.util.function.BiFunction<Double, Double, double[]> toScreen;
    private final List<Point> labelSpots = new ArrayList<>();

    /** Where the community and street names go. */
    private void labelSpots() {
      for (Grid g : sample.gridsAt(GridLevel.COMMUNITY)) {
        labelSpots.add(centre(screen.get(g.id())));
      }
      for (Grid g : sample.gridsAt(GridLevel.STREET)) {
        labelSpots.add(centre(screen.get(g.id())));
      }
      List<ScoreRow> ranked = new ArrayList<>();
      for (ScoreRow r : ScoreRow.of(result, UnitKind.GRID)) {
        if (r.rank().isPresent()) {
          ranked.add(r);
        }
      }
      for (int i = 0; i < ranked.size(); i++) {
        if (i < 5 || i >= ranked.size() - 5) {
          labelSpots.add(centre(screen.get(GridId.of(ranked.get(i).unit()))));
        }
      }
    }

    private void defs() {
      svg.append("<defs>\n")
          .append("<pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"5\" height=\"5\"")
          .append(" patternTransform=\"rotate(45)\">")
          .append("<rect width=\"5\" height=\"5\" fill=\"#ffffff\" fill-opacity=\"0.55\"/>")
          .append(
              "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\" stroke=\"#202020\" stroke-width=\"1.6\"/>")
          .append("</pattern>\n")
          .append("<filter id=\"shadow\" x=\"-10%\" y=\"-10%\" width=\"120%\" height=\"120%\">")
          .append("<feGaussianBlur in=\"SourceGraphic\" stdDeviation=\"6\"/>")
          .append("<feOffset dx=\"3\" dy=\"5\" result=\"o\"/>")
          .append("</filter>\n")
          .append("</defs>\n");
    }

    /**
     * Writes {@code <tag a="v" ...} (unclosed) from name/value pairs: doubles with one decimal,
     * everything else escaped.
     */
    private StringBuilder el(String tag, Object... attributes) {
      svg.append('<').append(tag);
      for (int i = 0; i < attributes.length; i += 2) {
        Object v = attributes[i + 1];
        svg.append(' ')
            .append(attributes[i])
            .append("=\"")
            .append(v instanceof Double d ? Xml.n1(d) : Xml.esc(String.valueOf(v)))
            .append('"');
      }
      return svg;
    }

    /** Writes an element without content. */
    private void empty(String tag, Object... attributes) {
      el(tag, attributes).append("/>");
    }

    /** Writes an element with escaped text content. */
    private void with(String tag, String content, Object... attributes) {
      el(tag, attributes).append('>').append(Xml.esc(content)).append("</").append(tag).append('>');
    }

    /** The map's title and the line under it, at the top left. */
    private void titles(String title, String subtitle) {
      with(
          "text",
          title,
          "x",
          MARGIN,
          "y",
          40.0,
          "font-size",
          24.0,
          "font-weight",
          "700",
          "fill",
          "#1d1d1d");
      svg.append('\n');
      with("text", subtitle, "x", MARGIN, "y", 64.0, "font-size", 13.0, "fill", "#555");
      svg.append('\n');
    }

    private void header(int scored) {
      String title = sample.name() + " · 网格考核地图 " + result.options().start().getYear();
      long closed = result.count(DemoResult.Stage.CLOSED);
      String subtitle =
          "Grid scores under "
              + sample.gridScheme().id()
              + " · "
              + scored
              + " responsibility grids · "
              + Xml.count(closed)
              + " closed cases · "
              + result.options().start()
              + " to "
              + result.options().end().minusDays(1)
              + " · seed "
              + result.options().seed();
      titles(title, subtitle);
    }

    private void outline(GridId id) {
      empty("path", "d", path(screen.get(id)));
      svg.append('\n');
    }

    private void exclusive() {
      svg.append("<g id=\"exclusive\">\n");
      for (Grid g : sample.exclusiveGrids()) {
        Geometry p = screen.get(g.id());
        int cases = result.casesByExclusive().getOrDefault(g.id(), 0);
        String tip =
            g.name()
                + " ("
                + g.id().value()
                + ")\n专属网格 exclusive grid, owner "
                + sample.nameOf(g.owner().orElseThrow())
                + "\ncovers "
                + g.coverage().size()
                + " grids: "
                + String.join(", ", g.coverage().stream().map(sample::nameOf).toList())
                + "\n"
                + cases
                + " cases inside";
        el(
                "path",
                "class",
                "exclusive",
                "data-grid",
                g.id().value(),
                "fill",
                "url(#hatch)",
                "stroke",
                "#111",
                "stroke-width",
                1.4,
                "stroke-dasharray",
                "4 2",
                "d",
                path(p))
            .append('>');
        with("title", tip);
        svg.append("</path>\n");
        callout(p, g.name().replace("专属网格", "").replaceFirst("^桐城市", "") + "（专属网格）");
      }
      svg.append("</g>\n");
    }

    /**
     * A label for a small shape, placed at whichever of four diagonal offsets lies farthest from
     * the community and street labels, with a leader line.
     */
    private void callout(Geometry shape, String label) {
      Envelope e = shape.getEnvelopeInternal();
      Point c = centre(shape);
      double[][] offsets = {{1, -1}, {-1, -1}, {1, 1}, {-1, 1}};
      double best = -1;
      double[] pick = offsets[0];
      double labelWidth = 11 * label.length();
      for (double[] o : offsets) {
        double lx =
            c.getX()
                + o[0] * (e.getWidth() / 2 + 26)
                + (o[0] > 0 ? labelWidth / 2 : -labelWidth / 2);
        double ly = c.getY() + o[1] * (e.getHeight() / 2 + 22);
        if (lx - labelWidth / 2 < MARGIN || lx + labelWidth / 2 > MARGIN + MAP_WIDTH) {
          continue;
        }
        double near = Double.MAX_VALUE;
        for (Point q : labelSpots) {
          near = Math.min(near, Math.hypot((q.getX() - lx) / 2, q.getY() - ly));
        }
        if (near > best + 1e-9) {
          best = near;
          pick = o;
        }
      }
      double ex = c.getX() + pick[0] * e.getWidth() / 2 * 0.8;
      double ey = c.getY() + pick[1] * e.getHeight() / 2 * 0.8;
      double tx = c.getX() + pick[0] * (e.getWidth() / 2 + 26);
      double ty = c.getY() + pick[1] * (e.getHeight() / 2 + 22);
      String d =
          "M"
              + Xml.n1(ex)
              + ' '
              + Xml.n1(ey)
              + "L"
              + Xml.n1(tx)
              + ' '
              + Xml.n1(ty)
              + "h"
              + Xml.n1(pick[0] * 4);
      empty("path", "d", d, "fill", "none", "stroke", "#111", "stroke-width", 1.0);
      svg.append('\n');
      halo(tx + pick[0] * 7, ty + 4, label, 10.5, "700", "#111", pick[0] > 0 ? "start" : "end");
    }

    private void patrolPoints() {
      svg.append("<g id=\"patrol-points\" fill=\"#1d1d1d\" fill-opacity=\"0.5\">\n");
      for (int i = 0; i < patrolXy.length / 2; i++) {
        empty("circle", "cx", patrolXy[2 * i], "cy", patrolXy[2 * i + 1], "r", 1.3);
        if (i % 12 == 11) {
          svg.append('\n');
        }
      }
      svg.append("\n</g>\n");
    }

    private void labels() {
      svg.append("<g id=\"labels\" text-anchor=\"middle\">\n");
      for (Grid g : sample.gridsAt(GridLevel.COMMUNITY)) {
        Point c = centre(screen.get(g.id()));
        halo(c.getX(), c.getY() + 4, g.name().replace("社区", ""), 11.5, "600", "#2a2a2a", "middle");
      }
      for (Grid g : sample.gridsAt(GridLevel.STREET)) {
        Point c = centre(screen.get(g.id()));
        // below or above the street's centre, wherever community names and badges leave room
        double bestDy = 30;
        double bestRoom = -1;
        for (double dy : new double[] {30, -26, 56, -52, 82}) {
          double room = Double.MAX_VALUE;
          for (Point q : labelSpots) {
            if (q.distance(c) > 1) {
              for (double dx = -50; dx <= 50; dx += 25) {
                room =
                    Math.min(
                        room,
                        Math.hypot(q.getX() - c.getX() - dx, (q.getY() - c.getY() - dy + 6) * 2));
              }
            }
          }
          boolean inside =
              screen.get(g.id()).covers(JTS.createPoint(new Coordinate(c.getX(), c.getY() + dy)));
          if (room > bestRoom + 1e-9 && inside) {
            bestRoom = room;
            bestDy = dy;
          }
        }
        with(
            "text",
            g.name(),
            "x",
            c.getX(),
            "y",
            c.getY() + bestDy,
            "font-size",
            19.0,
            "font-weight",
            "800",
            "letter-spacing",
            6.0,
            "fill",
            "#1d1d1d",
            "fill-opacity",
            "0.72",
            "stroke",
            "#ffffff",
            "stroke-width",
            4.0,
            "stroke-opacity",
            "0.8",
            "paint-order",
            "stroke",
            "stroke-linejoin",
            "round");
        svg.append('\n');
      }
      svg.append("</g>\n");
    }

    /** The top five and bottom five grids, marked with their rank. */
    private void badges(List<ScoreRow> rows) {
      List<ScoreRow> ranked = new ArrayList<>();
      for (ScoreRow r : rows) {
        if (r.rank().isPresent()) {
          ranked.add(r);
        }
      }
      svg.append("<g id=\"ranks\" text-anchor=\"middle\" font-weight=\"700\">\n");
      for (int i = 0; i < ranked.size(); i++) {
        boolean top = i < 5;
        if (!top && i < ranked.size() - 5) {
          continue;
        }
        ScoreRow r = ranked.get(i);
        Point c = centre(screen.get(GridId.of(r.unit())));
        badge(
            c.getX(),
            c.getY(),
            top ? TOP : BOTTOM,
            Integer.toString(r.rank().getAsInt()),
            (top ? "top " : "bottom ") + r.name() + " " + r.scoreText());
        svg.append('\n');
      }
      svg.append("</g>\n");
    }

    private void badge(double cx, double cy, String colour, String label, String tip) {
      boolean wide = label.length() > 2;
      el(
              "circle",
              "cx",
              cx,
              "cy",
              cy,
              "r",
              wide ? 10.0 : 8.5,
              "fill",
              colour,
              "stroke",
              "#ffffff",
              "stroke-width",
              1.5)
          .append('>');
      with("title", tip);
      svg.append("</circle>");
      with(
          "text",
          label,
          "x",
          cx,
          "y",
          cy + 3.2,
          "font-size",
          wide ? 8.5 : 9.5,
          "font-weight",
          "700",
          "text-anchor",
          "middle",
          "fill",
          "#ffffff");
    }

    private void scaleAndNorth() {
      double bar = 1000 / metresPerPixel; // 1 km in pixels
      double x = MARGIN + 8;
      double y = height - MARGIN - 40;
      svg.append("<g id=\"scale\" font-size=\"10.5\" fill=\"#333\">\n");
      empty("rect", "x", x, "y", y, "width", bar / 2, "height", 5.0, "fill", "#1d1d1d");
      empty(
          "rect",
          "x",
          x + bar / 2,
          "y",
          y,
          "width",
          bar / 2,
          "height",
          5.0,
          "fill",
          "#ffffff",
          "stroke",
          "#1d1d1d",
          "stroke-width",
          0.8);
      with("text", "0", "x", x, "y", y - 4);
      with("text", "1 km", "x", x + bar, "y", y - 4, "text-anchor", "middle");
      double nx = MARGIN + MAP_WIDTH - 24;
      double ny = HEADER + MARGIN + 8;
      empty(
          "path",
          "d",
          "M" + Xml.n1(nx) + ' ' + Xml.n1(ny) + " l-8 22 l8 -6 l8 6 z",
          "fill",
          "#1d1d1d");
      with(
          "text",
          "N",
          "x",
          nx,
          "y",
          ny + 38,
          "text-anchor",
          "middle",
          "font-size",
          13.0,
          "font-weight",
          "700");
      svg.append("\n</g>\n");
    }

    private void legend(double[] classes, List<Double> scores) {
      int scored = scores.size();
      double x = MARGIN + MAP_WIDTH + MARGIN;
      double y = HEADER + MARGIN + 4;
      svg.append("<g id=\"legend\" font-size=\"12\" fill=\"#222\">\n");
      empty(
          "rect",
          "x",
          x - 12,
          "y",
          y - 22,
          "width",
          LEGEND_WIDTH,
          "height",
          height - y - MARGIN - 14,
          "rx",
          8.0,
          "fill",
          "#ffffff",
          "fill-opacity",
          "0.75",
          "stroke",
          "#ddd6c8");
      text(x, y, "网格综合得分 Grid score", 14, "700");
      text(
          x,
          y + 17,
          sample.gridScheme().name() + " · " + scored + " grids · septiles 七分位",
          11,
          "400");
      y += 34;
      for (int c = PALETTE.length - 1; c >= 0; c--) {
        double lo = classes[c];
        double hi = classes[c + 1];
        empty(
            "rect",
            "x",
            x,
            "y",
            y,
            "width",
            34.0,
            "height",
            18.0,
            "fill",
            PALETTE[c],
            "stroke",
            "#ffffff");
        String range =
            c == PALETTE.length - 1
                ? "≥ " + Xml.fixed(lo, 1)
                : c == 0 ? "< " + Xml.fixed(hi, 1) : Xml.fixed(lo, 1) + " – " + Xml.fixed(hi, 1);
        text(x + 44, y + 13.5, range, 12, "400");
        y += 20;
      }
      empty("rect", "x", x, "y", y + 4, "width", 34.0, "height", 14.0, "fill", NO_SCORE);
      text(x + 44, y + 15.5, "no score 无得分", 11, "400");
      y += 44;
      y = histogram(x, y, classes, scores);
      y += 30;
      text(x, y, "边界与符号 Borders and marks", 13, "700");
      y += 18;
      empty(
          "line",
          "x1",
          x,
          "y1",
          y,
          "x2",
          x + 34,
          "y2",
          y,
          "stroke",
          "#ffffff",
          "stroke-width",
          6.0);
      symbol(x, y, "line", "#1d1d1d", 3.0, "街道 street");
      y += 22;
      symbol(x, y, "line", "#3b3b3b", 1.5, "社区 community");
      y += 22;
      empty("rect", "x", x, "y", y - 9, "width", 34.0, "height", 16.0, "fill", PALETTE[4]);
      symbol(x, y, "divider", "#ffffff", 1.2, "网格 responsibility grid");
      y += 26;
      empty(
          "rect",
          "x",
          x,
          "y",
          y - 9,
          "width",
          34.0,
          "height",
          16.0,
          "fill",
          "url(#hatch)",
          "stroke",
          "#111",
          "stroke-width",
          1.2,
          "stroke-dasharray",
          "4 2");
      text(x + 44, y + 4, "专属网格 exclusive grid", 12, "400");
      y += 24;
      empty("circle", "cx", x + 17, "cy", y, "r", 1.8, "fill", "#1d1d1d", "fill-opacity", "0.6");
      text(x + 44, y + 4, "巡查点 patrol point (" + sample.patrolPoints().size() + ")", 12, "400");
      y += 24;
      badge(x + 17, y, TOP, "1", "top five");
      text(x + 44, y + 4, "前五名 top five grids", 12, "400");
      y += 24;
      badge(x + 17, y, BOTTOM, "105", "bottom five");
      text(x + 44, y + 4, "后五名 bottom five grids", 12, "400");
      y += 36;
      glance(x, y);
      svg.append("</g>\n");
    }

    /** A legend line: a horizontal stroke, or a vertical divider across a swatch. */
    private void symbol(double x, double y, String kind, String colour, double w, String label) {
      if (kind.equals("line")) {
        empty("line", "x1", x, "y1", y, "x2", x + 34, "y2", y, "stroke", colour, "stroke-width", w);
      } else {
        empty(
            "line",
            "x1",
            x + 17,
            "y1",
            y - 9,
            "x2",
            x + 17,
            "y2",
            y + 7,
            "stroke",
            colour,
            "stroke-width",
            w);
      }
      text(x + 44, y + 4, label, 12, "400");
    }

    /** A histogram of the scores in one-point bins, coloured by class. Returns the next y. */
    private double histogram(double x, double y, double[] classes, List<Double> scores) {
      text(x, y, "得分分布 Distribution", 13, "700");
      if (scores.isEmpty()) {
        return y + 10;
      }
      int lo = (int) Math.floor(classes[0]);
      int hi = (int) Math.ceil(classes[PALETTE.length]);
      int bins = Math.max(1, hi - lo);
      int[] counts = new int[bins];
      for (double v : scores) {
        counts[Math.min(bins - 1, (int) Math.floor(v - lo))]++;
      }
      int max = 1;
      for (int c : counts) {
        max = Math.max(max, c);
      }
      double w = 260.0 / bins;
      double base = y + 70;
      for (int i = 0; i < bins; i++) {
        double h = 56.0 * counts[i] / max;
        el(
                "rect",
                "x",
                x + i * w + 0.5,
                "y",
                base - h,
                "width",
                Math.max(1, w - 1),
                "height",
                h,
                "fill",
                PALETTE[classOf(lo + i + 0.5, classes)])
            .append('>');
        with("title", counts[i] + " grids scored " + (lo + i) + "–" + (lo + i + 1));
        svg.append("</rect>");
      }
      empty(
          "line",
          "x1",
          x,
          "y1",
          base,
          "x2",
          x + 260,
          "y2",
          base,
          "stroke",
          "#444",
          "stroke-width",
          0.8);
      svg.append("\n<g font-size=\"10\" fill=\"#555\">");
      int step = bins > 12 ? 4 : 2;
      for (int v = lo; v <= hi; v += step) {
        with(
            "text",
            Integer.toString(v),
            "x",
            x + (v - lo) * w,
            "y",
            base + 12,
            "text-anchor",
            "middle");
      }
      svg.append("</g>\n");
      return base + 12;
    }

    /** The year at a glance: the measures the summary prints first. */
    private void glance(double x, double y) {
      text(x, y, result.options().start().getYear() + " 概览 At a glance", 13, "700");
      long closed = result.count(DemoResult.Stage.CLOSED);
      long filed = result.count(DemoResult.Stage.FILED);
      long overdue = result.loop().summary().overdue();
      String[][] lines = {
        {"上报 reports", Xml.count(result.count(DemoResult.Stage.REPORTED))},
        {"结案 closed", Xml.count(closed) + " (" + Xml.percent(closed, filed) + ")"},
        {"小事不出网格 in the grid", Xml.percent(result.settledInGrid(), closed)},
        {"大事不出社区 in the community", Xml.percent(result.settledInCommunity(), closed)},
        {"超期 overdue", Xml.count(overdue) + " (" + Xml.percent(overdue, closed) + ")"},
        {"吹哨 escalated", Xml.count(result.count(DemoResult.Stage.ESCALATED)) + " cases"},
        {
          "满意度 satisfaction",
          result.satisfaction().isPresent()
              ? Xml.fixed(100 * result.satisfaction().getAsDouble(), 1) + " %"
              : "–"
        }
      };
      double yy = y + 20;
      for (String[] l : lines) {
        text(x, yy, l[0], 11.5, "400");
        with(
            "text",
            l[1],
            "x",
            x + 270,
            "y",
            yy,
            "font-size",
            11.5,
            "font-weight",
            "700",
            "text-anchor",
            "end");
        svg.append('\n');
        yy += 18;
      }
    }

    private void footer() {
      with(
          "text",
          "GridGov demo · synthetic sample town generated from seed "
              + SampleCityGenerator.SEED
              + " · WGS-84, equirectangular",
          "x",
          width - MARGIN,
          "y",
          height - 12,
          "text-anchor",
          "end",
          "font-size",
          10.5,
          "fill",
          "#777");
      svg.append('\n');
    }

    /** A legend entry's label, right of its swatch or dot. */
    private void legendLabel(double x, double y, String label) {
      with("text", label, "x", x + 24, "y", y + 1, "font-size", 12.5, "fill", "#1d1d1d");
    }

    /** A legend's colour swatch, outlined. */
    private void legendSwatch(double x, double y, String fill) {
      legendBox(x, y, "fill", fill, "stroke", "#999", "rx", 2.0);
    }

    /** A legend's 16 × 16 box left of its label, with the given style attributes. */
    private void legendBox(double x, double y, Object... style) {
      Object[] a = new Object[8 + style.length];
      System.arraycopy(
          new Object[] {"x", x, "y", y - 12, "width", 16.0, "height", 16.0}, 0, a, 0, 8);
      System.arraycopy(style, 0, a, 8, style.length);
      empty("rect", a);
    }

    private void text(double x, double y, String s, double size, String weight) {
      with("text", s, "x", x, "y", y, "font-size", size, "font-weight", weight);
    }

    private void halo(
        double x, double y, String s, double size, String weight, String fill, String anchor) {
      with(
          "text",
          s,
          "x",
          x,
          "y",
          y,
          "font-size",
          size,
          "font-weight",
          weight,
          "fill",
          fill,
          "text-anchor",
          anchor,
          "stroke",
          "#ffffff",
          "stroke-width",
          3.0,
          "stroke-opacity",
          "0.85",
          "paint-order",
          "stroke",
          "stroke-linejoin",
          "round");
      svg.append('\n');
    }

    /** The centre of the largest circle inside a polygon: where a label has most room. */
    private static Point centre(Geometry g) {
      return MaximumInscribedCircle.getCenter(g, 0.5);
    }

    private static String path(Geometry g) {
      StringBuilder d = new StringBuilder();
      for (int i = 0; i < g.getNumGeometries(); i++) {
        Polygon p = (Polygon) g.getGeometryN(i);
        ring(d, p.getExteriorRing());
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          ring(d, p.getInteriorRingN(h));
        }
      }
      return d.toString();
    }

    private static void ring(StringBuilder d, LineString ring) {
      Coordinate[] cs = ring.getCoordinates();
      double px = Double.NaN;
      double py = Double.NaN;
      for (int i = 0; i + 1 < cs.length; i++) {
        if (cs[i].x == px && cs[i].y == py) {
          continue;
        }
        d.append(i == 0 ? 'M' : 'L').append(Xml.n1(cs[i].x)).append(' ').append(Xml.n1(cs[i].y));
        px = cs[i].x;
        py = cs[i].y;
      }
      d.append('Z');
    }
  }

  /**
   * The tooltip of a grid.
   *
   * @param g the grid
   * @param row its scores, if any
   * @return the text
   */
  private static String tooltip(Grid g, ScoreRow row) {
    StringBuilder t = new StringBuilder();
    t.append(g.name()).append(" (").append(g.id().value()).append(")");
    g.households().ifPresent(h -> t.append("\n").append(h).append(" households 户"));
    if (row != null && row.score().isPresent()) {
      t.append("\nscore ")
          .append(row.scoreText())
          .append(", grade ")
          .append(row.grade().orElse("–"))
          .append(", rank ")
          .append(row.rankText());
      t.append("\ncases ").append(Xml.count(Math.round(row.cases())));
      OptionalDouble onTime = row.onTime();
      if (onTime.isPresent()) {
        t.append(", on time ").append(Xml.fixed(100 * onTime.getAsDouble(), 1)).append(" %");
      }
      t.append(", overdue ").append(Math.round(row.overdue()));
    } else {
      t.append("\nno score");
    }
    return t.toString();
  }
}
