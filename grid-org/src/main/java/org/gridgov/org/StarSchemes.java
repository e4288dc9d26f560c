package org.gridgov.org;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.gridgov.core.InputCode;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonDocument;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Problems;
import org.gridgov.core.io.Suggestions;
import org.gridgov.org.StarScheme.Award;
import org.gridgov.org.StarScheme.Band;
import org.gridgov.org.StarScheme.FormulaKind;
import org.gridgov.org.StarScheme.Indicator;
import org.gridgov.org.StarScheme.Measure;
import org.gridgov.org.StarScheme.NotApplicable;
import org.gridgov.org.StarScheme.PointBand;
import org.gridgov.org.StarScheme.PostRequirement;
import org.gridgov.org.StarScheme.Quota;

/**
 * Reads {@link StarScheme}s in the JSON format {@code gridgov.org-stars/1} (docs/org.md, "Star
 * rating"), all or nothing: every problem is reported at once with the file, line, column and JSON
 * pointer; unknown members and values get a "did you mean". Stateless and thread-safe.
 */
public final class StarSchemes {
  /** The value of the {@code format} member. */
  public static final String FORMAT = "gridgov.org-stars/1";

  /** The class-path resource of {@link #defaultScheme()}. */
  public static final String DEFAULT_RESOURCE = "/org/gridgov/org/default-stars.json";

  private static final List<String> ROOT_KEYS =
      List.of(
          "format",
          "id",
          "name",
          "source",
          "rated",
          "notApplicable",
          "indicators",
          "stars",
          "quotas",
          "awards");
  private static final List<String> INDICATOR_KEYS =
      List.of("key", "label", "points", "measure", "formula", "requirements", "award");
  private static final List<String> FORMULA_KEYS = List.of("type", "threshold", "target", "bands");
  private static final List<String> POINT_BAND_KEYS = List.of("min", "points");
  private static final List<String> REQUIREMENT_KEYS = List.of("post", "grids");
  private static final List<String> BAND_KEYS = List.of("stars", "min", "requires");
  private static final List<String> QUOTA_KEYS = List.of("stars", "maxShare");
  private static final List<String> AWARD_KEYS = List.of("award", "year", "organisations");

  private static volatile StarScheme defaultScheme;

  private StarSchemes() {}

  /**
   * Reads a scheme file.
   *
   * @param file the JSON file
   * @return the scheme
   * @throws InvalidInputException listing every problem, located; also when the file cannot be read
   */
  public static StarScheme read(Path file) {
    Objects.requireNonNull(file, "file");
    return read(Json.parse(file));
  }

  /**
   * Reads a scheme from a stream of UTF-8 JSON, read to its end and not closed.
   *
   * @param in the stream
   * @param source the name used in errors (a file name), may be empty
   * @return the scheme
   * @throws InvalidInputException listing every problem, located
   */
  public static StarScheme read(InputStream in, String source) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    return read(Json.parse(in, source));
  }

  /**
   * The shipped default scheme ({@value #DEFAULT_RESOURCE}): 8 indicators worth 110 points after a
   * published five-star-branch example, five stars from 90 points with the innovation award for at
   * most 10 % of the branches, four from 80 for at most 30 %, three from 70, two from 60, one
   * below. Its {@code source} says which numbers are illustrative.
   *
   * @return the scheme
   */
  public static StarScheme defaultScheme() {
    StarScheme s = defaultScheme;
    if (s == null) {
      try (InputStream in = StarSchemes.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
        }
        s = read(in, DEFAULT_RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      defaultScheme = s;
    }
    return s;
  }

  private static StarScheme read(JsonDocument doc) {
    return doc.read(Problems.Mode.ALL_ERRORS, StarSchemes::scheme);
  }

  private static StarScheme scheme(JsonNodeAt root) {
    root.requireObject();
    root.onlyKeys(ROOT_KEYS);
    Problems p = root.problems();
    p.attempt(() -> root.requireFormat(FORMAT));
    String id = p.attempt(() -> root.string("id")).orElse("");
    String name = p.attempt(() -> root.string("name")).orElse("");
    String source = p.attempt(() -> root.string("source")).orElse("");
    Set<OrgType> rated =
        p.attempt(() -> rated(root))
            .orElse(Set.of(OrgType.PARTY_BRANCH, OrgType.JOINT_PARTY_BRANCH));
    NotApplicable na =
        p.attempt(() -> root.optString("notApplicable").map(v -> notApplicable(root, v)))
            .flatMap(o -> o)
            .orElse(NotApplicable.RENORMALISE);
    List<Indicator> indicators =
        p.attempt(() -> root.list("indicators", StarSchemes::indicator)).orElse(List.of());
    if (p.attempt(() -> root.array("indicators")).map(List::isEmpty).orElse(false)) {
      p.error(InputCode.BAD_VALUE, root.at("indicators"), "the scheme has no indicators");
    }
    List<String> keys = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < indicators.size(); i++) {
      String k = indicators.get(i).key();
      if (seen.putIfAbsent(k, i) != null) {
        p.error(
            InputCode.BAD_VALUE,
            "/indicators/" + fileIndex(root, "indicators", "key", k, 1) + "/key",
            "indicator key " + Problems.quote(k) + " appears twice");
      }
      keys.add(k);
    }
    int before = p.errorCount();
    List<Band> bands = p.attempt(() -> bands(root, keys)).orElse(List.of());
    List<Band> checked = p.errorCount() == before ? bands : List.of();
    List<Quota> quotas =
        root.has("quotas") ? p.attempt(() -> quotas(root, checked)).orElse(List.of()) : List.of();
    List<Award> awards =
        root.has("awards")
            ? p.attempt(() -> root.list("awards", StarSchemes::award)).orElse(List.of())
            : List.of();
    if (p.hasErrors()) {
      return null;
    }
    return root.guard(
        () -> new StarScheme(id, name, source, rated, na, indicators, bands, quotas, awards));
  }

  private static NotApplicable notApplicable(JsonNodeAt root, String v) {
    for (NotApplicable n : NotApplicable.values()) {
      if (n.key().equals(v)) {
        return n;
      }
    }
    List<String> known = List.of("exclude", "rank-last", "renormalise");
    throw root.fail(
        "notApplicable",
        "unknown value " + Problems.quote(v) + Suggestions.hint(v, known) + "; expected " + known);
  }

  private static Set<OrgType> rated(JsonNodeAt root) {
    if (!root.has("rated")) {
      return Set.of(OrgType.PARTY_BRANCH, OrgType.JOINT_PARTY_BRANCH);
    }
    Set<OrgType> out = EnumSet.noneOf(OrgType.class);
    for (JsonNodeAt n : root.array("rated")) {
      OrgType t = n.asEnum(OrgType.class);
      if (!t.isParty()) {
        throw n.fail("rated type " + t + " is not a party organisation");
      }
      out.add(t);
    }
    if (out.isEmpty()) {
      throw root.fail("rated", "names no organisation type");
    }
    return out;
  }

  /** The index in the file of the n-th (0-based) element whose member has a value. */
  private static int fileIndex(JsonNodeAt root, String array, String member, String value, int n) {
    List<JsonNodeAt> all = root.array(array);
    int count = 0;
    for (int i = 0; i < all.size(); i++) {
      JsonNodeAt e = all.get(i);
      if (e.isObject()
          && e.node().path(member).isTextual()
          && e.node().path(member).textValue().equals(value)
          && count++ == n) {
        return i;
      }
    }
    return all.size() - 1;
  }

  private static Indicator indicator(JsonNodeAt n) {
    n.requireObject();
    n.onlyKeys(INDICATOR_KEYS);
    Problems p = n.problems();
    int errors = p.errorCount();
    String key = n.string("key");
    if (key.isBlank()) {
      throw n.fail("key", "an indicator key is blank");
    }
    String label = n.optString("label").orElse(key);
    double points = n.number("points");
    if (!(points > 0)) {
      throw n.fail("points", "an indicator's points must be > 0, not " + StarScheme.plain(points));
    }
    Measure measure = n.enumValue("measure", Measure.class);
    JsonNodeAt f = n.object("formula");
    f.onlyKeys(FORMULA_KEYS);
    FormulaKind kind = f.enumValue("type", FormulaKind.class);
    double threshold = f.optDouble("threshold").orElse(1.0);
    double target = f.optDouble("target").orElse(1.0);
    if (!(target > 0)) {
      throw f.fail("target", "the target must be > 0");
    }
    List<PointBand> bands = List.of();
    if (kind == FormulaKind.BANDS) {
      bands = pointBands(f, points);
    } else if (f.has("bands")) {
      throw f.fail("bands", "bands are only for the bands formula");
    }
    List<PostRequirement> reqs = List.of();
    if (measure == Measure.POST_COVERAGE) {
      reqs = n.list("requirements", StarSchemes::requirement);
      if (reqs.isEmpty()) {
        throw n.fail("requirements", "POST_COVERAGE needs at least one requirement");
      }
    } else if (n.has("requirements")) {
      throw n.fail("requirements", "requirements are only for POST_COVERAGE");
    }
    String award = "";
    if (measure == Measure.AWARDED) {
      award = n.string("award");
    } else if (n.has("award")) {
      throw n.fail("award", "an award is only for the AWARDED measure");
    }
    if (p.errorCount() > errors) {
      return null;
    }
    double t = threshold;
    double g = target;
    List<PointBand> b = bands;
    List<PostRequirement> r = reqs;
    String a = award;
    return n.guard(() -> new Indicator(key, label, points, measure, kind, t, g, b, r, a));
  }

  private static List<PointBand> pointBands(JsonNodeAt f, double points) {
    List<JsonNodeAt> nodes = f.array("bands");
    if (nodes.isEmpty()) {
      throw f.fail("bands", "the bands formula needs at least one band");
    }
    List<PointBand> out = new ArrayList<>();
    Double above = null;
    for (JsonNodeAt b : nodes) {
      b.requireObject();
      b.onlyKeys(POINT_BAND_KEYS);
      double min = b.number("min");
      double pts = b.number("points");
      if (pts < 0 || pts > points) {
        throw b.fail(
            "points",
            "band points must be between 0 and the indicator's "
                + StarScheme.plain(points)
                + ", not "
                + StarScheme.plain(pts));
      }
      if (above != null && !(min < above)) {
        throw b.fail(
            "min",
            "bands are listed highest min first: "
                + StarScheme.plain(min)
                + " after "
                + StarScheme.plain(above));
      }
      above = min;
      out.add(new PointBand(min, pts));
    }
    return out;
  }

  private static PostRequirement requirement(JsonNodeAt r) {
    r.requireObject();
    r.onlyKeys(REQUIREMENT_KEYS);
    PostKind post = r.enumValue("post", PostKind.class);
    String grids = r.string("grids");
    return r.guard(() -> new PostRequirement(post, grids));
  }

  private static List<Band> bands(JsonNodeAt root, List<String> keys) {
    Problems p = root.problems();
    List<JsonNodeAt> nodes = root.array("stars");
    if (nodes.isEmpty()) {
      throw root.fail("stars", "the scheme has no star bands");
    }
    List<Band> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      JsonNodeAt n = nodes.get(i);
      boolean last = i == nodes.size() - 1;
      Band above = out.isEmpty() ? null : out.get(out.size() - 1);
      p.attempt(() -> band(n, last, above, keys)).ifPresent(out::add);
    }
    return out;
  }

  private static Band band(JsonNodeAt n, boolean last, Band above, List<String> keys) {
    n.requireObject();
    n.onlyKeys(BAND_KEYS);
    int stars = n.integer("stars");
    if (stars < 1 || stars > 5) {
      throw n.fail("stars", "stars must be 1 to 5, not " + stars);
    }
    OptionalDouble min = n.optDouble("min");
    if (last && min.isPresent()) {
      throw n.fail("min", "the last band takes every other branch: give it no 'min'");
    }
    if (!last && min.isEmpty()) {
      throw n.problems()
          .fail(
              InputCode.MISSING,
              n.at("min"),
              "required field 'min' is missing (only the last band has none)");
    }
    if (above != null) {
      if (stars >= above.stars()) {
        throw n.fail(
            "stars",
            "bands are listed most stars first: " + stars + " after " + above.stars() + " stars");
      }
      if (min.isPresent() && !(min.getAsDouble() < above.min().getAsDouble())) {
        throw n.fail(
            "min",
            "the "
                + stars
                + "-star minimum "
                + StarScheme.plain(min.getAsDouble())
                + " must be below the "
                + above.stars()
                + "-star minimum "
                + StarScheme.plain(above.min().getAsDouble()));
      }
    }
    List<String> requires =
        n.has("requires") ? n.list("requires", JsonNodeAt::asString) : List.of();
    for (int i = 0; i < requires.size(); i++) {
      String r = requires.get(i);
      if (!keys.contains(r)) {
        throw n.problems()
            .fail(
                InputCode.UNKNOWN_NAME,
                n.at("requires") + "/" + i,
                "unknown indicator " + Problems.quote(r) + Suggestions.hint(r, keys));
      }
    }
    return n.guard(() -> new Band(stars, min, requires));
  }

  private static List<Quota> quotas(JsonNodeAt root, List<Band> bands) {
    Problems p = root.problems();
    List<Quota> out = new ArrayList<>();
    for (JsonNodeAt n : root.array("quotas")) {
      p.attempt(
              () -> {
                n.requireObject();
                n.onlyKeys(QUOTA_KEYS);
                int stars = n.integer("stars");
                double share = n.number("maxShare");
                if (!(share > 0 && share <= 1)) {
                  throw n.fail(
                      "maxShare", "maxShare must be in (0, 1], not " + StarScheme.plain(share));
                }
                if (!bands.isEmpty()) {
                  boolean given = bands.stream().anyMatch(b -> b.stars() == stars);
                  if (!given) {
                    throw n.fail("stars", "no star band gives " + stars + " stars");
                  }
                  if (bands.get(bands.size() - 1).stars() == stars) {
                    throw n.fail("stars", "the lowest band takes every other branch: no quota");
                  }
                }
                if (out.stream().anyMatch(q -> q.stars() == stars)) {
                  throw n.fail("stars", "a second quota for " + stars + " stars");
                }
                return new Quota(stars, share);
              })
          .ifPresent(out::add);
    }
    return out;
  }

  private static Award award(JsonNodeAt n) {
    n.requireObject();
    n.onlyKeys(AWARD_KEYS);
    String award = n.string("award");
    int year = n.integer("year");
    if (year < 1900 || year > 9999) {
      throw n.fail("year", "year " + year + " is outside 1900-9999");
    }
    List<String> orgs = n.list("organisations", JsonNodeAt::asString);
    return n.guard(() -> new Award(award, year, Set.copyOf(orgs)));
  }
}
