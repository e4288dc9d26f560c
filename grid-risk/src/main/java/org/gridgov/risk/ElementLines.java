package org.gridgov.risk;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.io.Suggestions;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;

/**
 * Decodes the lines of one elements file (JSON Lines or CSV, through {@link Fields}) into versions
 * and colour marks, checking what spans lines (a repeated id and date, a mark before its element).
 * One instance per file; not thread-safe. Package-private.
 */
final class ElementLines {
  static final String ID = "id";
  static final String TYPE = "type";
  static final String GRID = "grid";
  static final String LON = "lon";
  static final String LAT = "lat";
  static final String COLOUR = "colour";
  static final String COLOURED_ON = "colouredOn";
  static final String NAME = "name";
  static final String ATTRIBUTES = "attributes";
  static final String FROM = "from";
  static final String PERSONAL = "personal";
  static final String RETIRED = "retired";
  static final String CLEARED = "cleared";
  static final String COLOUR_REASON = "colourReason";
  static final String COLOURED_BY = "colouredBy";
  static final String COLOUR_RULE = "colourRule";
  static final String REVIEW_ON = "reviewOn";

  /** Every member of a line, in the order the writers write them. */
  static final List<String> MEMBERS =
      List.of(
          ID,
          TYPE,
          GRID,
          LON,
          LAT,
          COLOUR,
          COLOURED_ON,
          NAME,
          ATTRIBUTES,
          FROM,
          PERSONAL,
          RETIRED,
          CLEARED,
          COLOUR_REASON,
          COLOURED_BY,
          COLOUR_RULE,
          REVIEW_ON);

  /** The members that describe the element (not allowed on retirement and mark lines). */
  private static final List<String> ELEMENT_MEMBERS =
      List.of(TYPE, GRID, LON, LAT, NAME, ATTRIBUTES, PERSONAL);

  private static final List<String> MARK_MEMBERS =
      List.of(COLOUR, CLEARED, COLOURED_ON, COLOUR_REASON, COLOURED_BY, COLOUR_RULE, REVIEW_ON);

  /** The version date of an id's first line without {@code from} (never its colouredOn). */
  static final LocalDate DEFAULT_FROM = LocalDate.of(2000, 1, 1);

  /** Who set a mark imported without {@code colouredBy}. */
  static final String DEFAULT_BY = "import";

  /** One line's fields, JSON or CSV; every failure is located and abandons the line. */
  interface Fields {
    boolean has(String member);

    Optional<String> text(String member);

    Optional<Double> number(String member);

    boolean flag(String member);

    /** The attributes, by key, in file order. */
    Map<String, String> attributes();

    List<String> personal();

    RuntimeException fail(String member, String reason);

    RuntimeException failAttribute(String key, String reason);
  }

  /** What one line adds. */
  record Parsed(String id, Optional<ElementVersion> version, Optional<ColourMark> mark) {}

  private final String source;
  private final ElementReadOptions options;
  private final ElementRegister.Builder builder = ElementRegister.builder();
  private final Map<String, Map<LocalDate, Integer>> versionLines = new HashMap<>();
  private final Map<String, List<ColourMark>> marks = new HashMap<>();
  private final Set<String> defaultReasonMarks = new HashSet<>();

  /** Unknown grids beyond this many in a file get no "did you mean" (each costs a pass). */
  static final int MAX_GRID_SUGGESTIONS = 10;

  private List<String> gridIds; // the map's grid ids, listed on the first unknown grid
  private int suggestedGrids;

  ElementLines(String source, ElementReadOptions options) {
    this.source = source;
    this.options = options;
  }

  /** Decodes one line; throws (located) on the first problem. */
  Parsed decode(Fields f, int line) {
    String id = f.text(ID).orElseThrow(() -> f.fail(ID, "required field 'id' is missing"));
    if (id.isBlank()) {
      throw f.fail(ID, "the element id is blank");
    }
    Optional<ColourMark> mark = mark(f, id, line);
    if (f.flag(RETIRED)) {
      refuse(f, ELEMENT_MEMBERS, "a retirement line");
      refuse(f, MARK_MEMBERS, "a retirement line");
      LocalDate from =
          date(f, FROM).orElseThrow(() -> f.fail(FROM, "a retirement line needs 'from'"));
      checkNewVersion(f, id, from);
      return new Parsed(id, Optional.of(ElementVersion.retired(id, from)), Optional.empty());
    }
    if (!f.has(TYPE)) {
      if (mark.isEmpty()) {
        throw f.fail(TYPE, "required field 'type' is missing");
      }
      refuse(f, ELEMENT_MEMBERS, "a colour line (one without 'type')");
      if (f.has(FROM)) {
        throw f.fail(
            FROM, "a colour line (one without 'type') has no 'from'; 'colouredOn' dates it");
      }
      if (!versionLines.containsKey(id)) {
        throw f.fail(
            ID,
            "colour line for element '" + id + "', which no earlier line of the file describes");
      }
      return new Parsed(id, Optional.empty(), mark);
    }
    String typeName = f.text(TYPE).orElseThrow();
    ElementType type =
        RiskNames.type(typeName)
            .orElseThrow(
                () ->
                    f.fail(
                        TYPE,
                        "unknown type '"
                            + typeName
                            + "'"
                            + Suggestions.hint(typeName, List.of(RiskNames.TYPE_NAMES))));
    Optional<GeoPoint> position = position(f);
    GridId grid = grid(f, position);
    String name = f.text(NAME).orElse("");
    Map<String, String> attributes = f.attributes();
    ElementAttributes.problemsByKey(type, attributes)
        .forEach(
            (key, problem) -> {
              throw f.failAttribute(key, problem);
            });
    Set<String> personal = new LinkedHashSet<>();
    List<String> allowed = new ArrayList<>(attributes.keySet());
    allowed.add(Element.NAME);
    allowed.add(Element.POSITION);
    for (String p : f.personal()) {
      if (!allowed.contains(p)) {
        throw f.fail(
            PERSONAL,
            "personal field '"
                + p
                + "' is neither name, position nor an attribute of the line"
                + Suggestions.didYouMean(p, allowed)
                    .map(s -> "; did you mean '" + s + "'?")
                    .orElse(""));
      }
      personal.add(p);
    }
    if (type == ElementType.PEOPLE) { // every field of a person is personal
      personal.add(Element.NAME);
      position.ifPresent(p -> personal.add(Element.POSITION));
      personal.addAll(attributes.keySet());
    }
    Optional<LocalDate> given = date(f, FROM);
    if (given.isEmpty()) {
      firstVersionLine(id)
          .ifPresent(
              earlier -> {
                throw f.fail(
                    FROM,
                    "a new version of '"
                        + id
                        + "' needs 'from' (line "
                        + earlier
                        + " describes it already; 'colouredOn' dates only the colour)");
              });
    }
    LocalDate from = given.orElse(DEFAULT_FROM);
    checkNewVersion(f, id, from);
    Element element = new Element(id, type, grid, position, name, attributes, personal);
    return new Parsed(id, Optional.of(ElementVersion.of(from, element)), mark);
  }

  /** Adds a decoded line (called only for lines without problems, in file order). */
  void accept(Parsed p, int line) {
    p.version()
        .ifPresent(
            v -> {
              versionLines.computeIfAbsent(p.id(), k -> new HashMap<>()).put(v.from(), line);
              builder.add(v);
            });
    p.mark()
        .ifPresent(
            m -> {
              List<ColourMark> seen = marks.computeIfAbsent(p.id(), k -> new ArrayList<>());
              // a version line repeating its element's colour (same colour, date and setter) adds
              // no second mark
              boolean repeat =
                  defaultReasonMarks.contains(p.id() + "\n" + line)
                      && seen.stream().anyMatch(o -> sameButReason(o, m));
              if (!repeat) {
                seen.add(m);
                builder.mark(p.id(), m);
              }
            });
  }

  ElementRegister build() {
    return builder.build();
  }

  private static boolean sameButReason(ColourMark a, ColourMark b) {
    return a.colour().equals(b.colour())
        && a.source() == b.source()
        && a.rule().equals(b.rule())
        && a.from().equals(b.from())
        && a.review().equals(b.review())
        && a.by().equals(b.by());
  }

  /** The first line of the file that gave {@code id} a version (or retired it), if any. */
  private Optional<Integer> firstVersionLine(String id) {
    Map<LocalDate, Integer> dates = versionLines.get(id);
    return dates == null ? Optional.empty() : dates.values().stream().min(Integer::compare);
  }

  private void checkNewVersion(Fields f, String id, LocalDate from) {
    Map<LocalDate, Integer> dates = versionLines.get(id);
    Integer earlier = dates == null ? null : dates.get(from);
    if (earlier != null) {
      throw f.fail(
          f.has(FROM) ? FROM : ID,
          "element '"
              + id
              + "' already has a version from "
              + from
              + " (line "
              + earlier
              + "); a new version needs a later 'from'");
    }
  }

  private Optional<ColourMark> mark(Fields f, String id, int line) {
    boolean cleared = f.flag(CLEARED);
    Optional<RiskColour> colour = Optional.empty();
    if (f.has(COLOUR)) {
      if (cleared) {
        throw f.fail(CLEARED, "a line gives a colour or clears it ('cleared': true), not both");
      }
      String c = f.text(COLOUR).orElseThrow();
      colour =
          Optional.of(
              RiskNames.colour(c)
                  .orElseThrow(
                      () ->
                          f.fail(
                              COLOUR,
                              "unknown colour '" + c + "'" + Suggestions.hint(c, colourNames()))));
    }
    if (colour.isEmpty() && !cleared) {
      for (String m : MARK_MEMBERS) {
        if (f.has(m)) {
          throw f.fail(m, "'" + m + "' without 'colour' (or 'cleared': true)");
        }
      }
      return Optional.empty();
    }
    LocalDate on =
        date(f, COLOURED_ON)
            .orElseThrow(
                () ->
                    f.fail(
                        COLOURED_ON,
                        "required field 'colouredOn' is missing: the date the colour was set"));
    Optional<String> rule = f.text(COLOUR_RULE);
    Optional<LocalDate> review = date(f, REVIEW_ON);
    if (review.isPresent() && review.get().isBefore(on)) {
      throw f.fail(REVIEW_ON, "review date " + review.get() + " is before colouredOn " + on);
    }
    Optional<String> reason = f.text(COLOUR_REASON);
    if (reason.isEmpty()) {
      defaultReasonMarks.add(id + "\n" + line);
    }
    return Optional.of(
        new ColourMark(
            colour,
            reason.orElse("imported from " + source + ":" + line),
            rule.isPresent() ? MarkSource.RULE : MarkSource.MANUAL,
            rule,
            on,
            review,
            f.text(COLOURED_BY).orElse(DEFAULT_BY)));
  }

  private static List<String> colourNames() {
    List<String> out = new ArrayList<>();
    for (RiskColour c : RiskColour.values()) {
      out.add(RiskNames.colour(c));
    }
    return out;
  }

  private static void refuse(Fields f, List<String> members, String what) {
    for (String m : members) {
      if (f.has(m)) {
        throw f.fail(m, "'" + m + "' is not allowed on " + what);
      }
    }
  }

  private static Optional<LocalDate> date(Fields f, String member) {
    Optional<String> t = f.text(member);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(t.get()));
    } catch (DateTimeParseException e) {
      throw f.fail(member, "expected an ISO date (YYYY-MM-DD), found '" + t.get() + "'");
    }
  }

  private static Optional<GeoPoint> position(Fields f) {
    Optional<Double> lon = f.number(LON);
    Optional<Double> lat = f.number(LAT);
    if (lon.isPresent() != lat.isPresent()) {
      String missing = lon.isPresent() ? LAT : LON;
      throw f.fail(missing, "'lon' and 'lat' come together; '" + missing + "' is missing");
    }
    if (lon.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(GeoPoint.of(lon.get(), lat.get()));
    } catch (IllegalArgumentException e) {
      throw f.fail(LON, String.valueOf(e.getMessage()));
    }
  }

  private GridId grid(Fields f, Optional<GeoPoint> position) {
    Optional<String> given = f.text(GRID);
    GridId grid;
    if (given.isPresent()) {
      try {
        grid = GridId.of(given.get());
      } catch (IllegalArgumentException e) {
        throw f.fail(GRID, String.valueOf(e.getMessage()));
      }
    } else if (position.isEmpty()) {
      throw f.fail(GRID, "required field 'grid' is missing (or give 'lon'/'lat' and a grid map)");
    } else if (options.locator().isEmpty()) {
      throw f.fail(
          GRID, "no 'grid', and no grid map to locate the position in (give 'grid' or --grids)");
    } else {
      GeoPoint p = position.get();
      grid =
          options
              .locator()
              .get()
              .locate(p)
              .orElseThrow(
                  () ->
                      f.fail(
                          LON,
                          "position "
                              + p.lon()
                              + ","
                              + p.lat()
                              + " lies outside every grid of the map"));
    }
    if (options.grids().isPresent()) {
      GridHierarchy h = options.grids().get();
      if (!h.contains(grid)) {
        // Each suggestion is a pass over every grid (54,161 in Zhengzhou): the ids are listed once
        // per file and only the first few unknown grids get one, so a file of bad lines stays
        // linear.
        Optional<String> hint = Optional.empty();
        if (suggestedGrids++ < MAX_GRID_SUGGESTIONS) {
          if (gridIds == null) {
            gridIds = new ArrayList<>(h.size());
            for (org.gridgov.core.Grid g : h.grids()) {
              gridIds.add(g.id().value());
            }
          }
          hint = Suggestions.didYouMean(grid.value(), gridIds);
        }
        throw f.fail(
            GRID,
            "unknown grid '"
                + grid.value()
                + "'"
                + hint.map(s -> "; did you mean '" + s + "'?")
                    .orElse(" (not in the grid hierarchy)"));
      }
    }
    return grid;
  }
}
