package org.gridgov.org;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InputCode;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.AtomicFiles;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonDocument;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Problems;

/**
 * Reads and writes {@link OrgRules} in the JSON format {@code gridgov.org-rules/1} (docs/org.md,
 * "Rules"), all or nothing: every problem is reported at once with the file, line, column and JSON
 * pointer; unknown members and names get a "did you mean". Stateless and thread-safe.
 */
public final class OrgRuleSets {
  /** The value of the {@code format} member. */
  public static final String FORMAT = "gridgov.org-rules/1";

  private static final List<String> ROOT_KEYS =
      List.of("format", "source", "branch", "grids", "chiefs", "coverageLevels");
  private static final List<String> BRANCH_KEYS =
      List.of(
          "minFullMembers",
          "maxMembers",
          "committeeFrom",
          "committeeMin",
          "committeeMax",
          "generalBranchFrom",
          "grassrootsCommitteeFrom",
          "jointBranchMaxUnits",
          "termYears",
          "renewalNoticeDays",
          "basis");
  private static final List<String> GRID_KEYS =
      List.of(
          "id", "levels", "leaf", "kind", "post", "organisations", "departments", "code", "basis");
  private static final List<String> CHIEF_KEYS = List.of("id", "level", "post", "basis");

  private OrgRuleSets() {}

  /**
   * Reads a rules file.
   *
   * @param file the JSON file
   * @return the rules
   * @throws InvalidInputException listing every problem, located; also when the file cannot be read
   */
  public static OrgRules read(Path file) {
    Objects.requireNonNull(file, "file");
    return read(Json.parse(file));
  }

  /**
   * Reads rules from a stream of UTF-8 JSON, read to its end and not closed.
   *
   * @param in the stream
   * @param source the name used in errors (a file name), may be empty
   * @return the rules
   * @throws InvalidInputException listing every problem, located
   */
  public static OrgRules read(InputStream in, String source) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    return read(Json.parse(in, source));
  }

  private static OrgRules read(JsonDocument doc) {
    return doc.read(Problems.Mode.ALL_ERRORS, OrgRuleSets::rules);
  }

  private static OrgRules rules(JsonNodeAt root) {
    root.requireObject();
    root.onlyKeys(ROOT_KEYS);
    Problems p = root.problems();
    root.requireFormat(FORMAT);
    String source = p.attempt(() -> text(root, "source")).orElse("");
    OrgRules.BranchLimits branch = p.attempt(() -> branch(root.object("branch"))).orElse(null);
    List<OrgRules.GridRule> grids =
        p.attempt(() -> root.get("grids").elements(OrgRuleSets::gridRule)).orElse(List.of());
    List<OrgRules.ChiefRule> chiefs =
        p.attempt(() -> root.get("chiefs").elements(OrgRuleSets::chiefRule)).orElse(List.of());
    List<GridLevel> coverage =
        p.attempt(() -> root.get("coverageLevels").elements(OrgRuleSets::level)).orElse(List.of());
    Map<String, String> ids = new HashMap<>();
    for (int i = 0; i < grids.size(); i++) {
      duplicate(p, ids, grids.get(i).id(), "/grids/" + i + "/id");
    }
    for (int i = 0; i < chiefs.size(); i++) {
      duplicate(p, ids, chiefs.get(i).id(), "/chiefs/" + i + "/id");
    }
    Set<GridLevel> seen = new LinkedHashSet<>();
    for (int i = 0; i < coverage.size(); i++) {
      if (!seen.add(coverage.get(i))) {
        p.error(
            InputCode.BAD_VALUE,
            "/coverageLevels/" + i,
            "level " + Problems.quote(coverage.get(i).name()) + " appears twice");
      }
    }
    if (p.hasErrors()) {
      return null;
    }
    return root.guard(() -> new OrgRules(source, branch, grids, chiefs, coverage));
  }

  private static void duplicate(Problems p, Map<String, String> ids, String id, String pointer) {
    String first = ids.putIfAbsent(id, pointer);
    if (first != null) {
      p.error(
          InputCode.BAD_VALUE,
          pointer,
          "rule id " + Problems.quote(id) + " is used twice (first at " + first + ")");
    }
  }

  private static String text(JsonNodeAt n, String name) {
    String s = n.string(name);
    if (s.isBlank()) {
      throw n.fail(name, "'" + name + "' is blank; say where the rule comes from");
    }
    return s;
  }

  private static OrgRules.BranchLimits branch(JsonNodeAt b) {
    b.onlyKeys(BRANCH_KEYS);
    Problems p = b.problems();
    int errors = p.errorCount();
    int[] v = new int[10];
    for (int i = 0; i < v.length; i++) {
      String name = BRANCH_KEYS.get(i);
      v[i] = p.attempt(() -> b.integer(name)).orElse(0);
    }
    String basis = p.attempt(() -> text(b, "basis")).orElse("");
    if (p.errorCount() > errors) {
      return null;
    }
    return b.guard(
        () ->
            new OrgRules.BranchLimits(
                v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], basis));
  }

  private static GridLevel level(JsonNodeAt n) {
    return n.asParsed("level", GridLevel::of);
  }

  private static OrgRules.GridRule gridRule(JsonNodeAt r) {
    r.requireObject();
    r.onlyKeys(GRID_KEYS);
    Problems p = r.problems();
    int errors = p.errorCount();
    String id = r.string("id");
    List<GridLevel> levels = r.list("levels", OrgRuleSets::level);
    boolean leaf = r.bool("leaf", false);
    Optional<GridKind> kind = r.optEnum("kind", GridKind.class);
    Optional<PostKind> post = r.optEnum("post", PostKind.class);
    List<OrgType> types = r.list("organisations", n -> n.asEnum(OrgType.class));
    List<String> departments = r.list("departments", JsonNodeAt::asString);
    if (post.isPresent() == r.has("organisations")) {
      throw p.fail(
          post.isPresent() ? InputCode.BAD_VALUE : InputCode.MISSING,
          r.pointer(),
          "a grid rule names either a 'post' or 'organisations', exactly one of them");
    }
    if (r.has("organisations") && types.isEmpty()) {
      throw r.fail("organisations", "names no organisation type");
    }
    if (!departments.isEmpty() && post.isEmpty()) {
      throw r.fail("departments", "departments belong to a rule with a 'post'");
    }
    OrgFindingCode code = r.enumValue("code", OrgFindingCode.class);
    String basis = text(r, "basis");
    if (p.errorCount() > errors) {
      return null;
    }
    return r.guard(
        () ->
            new OrgRules.GridRule(
                id,
                new OrgRules.Where(Set.copyOf(levels), leaf, kind),
                post,
                Set.copyOf(types),
                departments,
                code,
                basis));
  }

  private static OrgRules.ChiefRule chiefRule(JsonNodeAt r) {
    r.requireObject();
    r.onlyKeys(CHIEF_KEYS);
    String id = r.string("id");
    GridLevel level = r.get("level").asParsed("level", GridLevel::of);
    PostKind post = r.enumValue("post", PostKind.class);
    String basis = text(r, "basis");
    return r.guard(() -> new OrgRules.ChiefRule(id, level, post, basis));
  }

  /**
   * Writes rules in their canonical JSON form (indented, UTF-8), which {@link #read(InputStream,
   * String)} reads back to equal rules. The stream is flushed, not closed.
   *
   * @param rules the rules
   * @param out where to write
   * @throws java.io.UncheckedIOException when the stream cannot be written
   */
  public static void write(OrgRules rules, OutputStream out) {
    Json.writePretty(tree(rules), out);
  }

  /**
   * Writes rules to a file, replacing it atomically.
   *
   * @param rules the rules
   * @param file the file
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static void write(OrgRules rules, Path file) {
    AtomicFiles.write(file, out -> write(rules, out));
  }

  private static ObjectNode tree(OrgRules rules) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    o.put("format", FORMAT);
    o.put("source", rules.source());
    OrgRules.BranchLimits b = rules.branch();
    ObjectNode bn = o.putObject("branch");
    int[] v = {
      b.minFullMembers(),
      b.maxMembers(),
      b.committeeFrom(),
      b.committeeMin(),
      b.committeeMax(),
      b.generalBranchFrom(),
      b.grassrootsCommitteeFrom(),
      b.jointBranchMaxUnits(),
      b.termYears(),
      b.renewalNoticeDays()
    };
    for (int i = 0; i < v.length; i++) {
      bn.put(BRANCH_KEYS.get(i), v[i]);
    }
    bn.put("basis", b.basis());
    ArrayNode grids = o.putArray("grids");
    for (OrgRules.GridRule r : rules.grids()) {
      ObjectNode n = grids.addObject();
      n.put("id", r.id());
      if (!r.where().levels().isEmpty()) {
        ArrayNode levels = n.putArray("levels");
        sortedLevels(r.where().levels()).forEach(levels::add);
      }
      if (r.where().leaf()) {
        n.put("leaf", true);
      }
      r.where().kind().ifPresent(k -> n.put("kind", k.name()));
      r.post().ifPresent(k -> n.put("post", k.name()));
      if (!r.organisations().isEmpty()) {
        ArrayNode types = n.putArray("organisations");
        r.organisations().forEach(t -> types.add(t.name()));
      }
      if (!r.departments().isEmpty()) {
        ArrayNode d = n.putArray("departments");
        r.departments().forEach(d::add);
      }
      n.put("code", r.code().name());
      n.put("basis", r.basis());
    }
    ArrayNode chiefs = o.putArray("chiefs");
    for (OrgRules.ChiefRule r : rules.chiefs()) {
      chiefs
          .addObject()
          .put("id", r.id())
          .put("level", r.level().name())
          .put("post", r.post().name())
          .put("basis", r.basis());
    }
    ArrayNode levels = o.putArray("coverageLevels");
    rules.coverageLevels().forEach(l -> levels.add(l.name()));
    return o;
  }

  private static List<String> sortedLevels(Set<GridLevel> levels) {
    List<String> out = new ArrayList<>();
    levels.forEach(l -> out.add(l.name()));
    out.sort(null);
    return out;
  }
}
