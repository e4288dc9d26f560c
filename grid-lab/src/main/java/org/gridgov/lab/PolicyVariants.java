package org.gridgov.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.LevelLadder;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Pointers;
import org.gridgov.core.io.Problems;
import org.gridgov.core.io.Suggestions;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.rules.PolicySet;
import org.gridgov.rules.PolicySets;
import org.gridgov.rules.dispatch.Dispatcher;
import org.gridgov.rules.dispatch.EscalationLadder;
import org.gridgov.rules.lists.ListsJson;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.DecisionTables;
import org.gridgov.scoring.ScoringScheme;
import org.gridgov.scoring.ScoringSchemes;
import org.gridgov.scoring.UnitKind;

/**
 * Reads policy variants from JSON files (the format is in {@code docs/lab.md}).
 *
 * <p>A variant file ({@value #FORMAT}) names the variant and, each optional, the parts it changes;
 * paths are relative to the file's directory, and {@code builtin…} names the shipped parts:
 *
 * <pre>{@code
 * {"format": "gridgov-variant/1", "name": "longer-limits",
 *  "description": "every time limit one and a half times as long",
 *  "policy": "policy-2026.json",          // a gridgov-policy/1 document, or "builtin"
 *  "lists": "lists.json",                  // else the policy's, else the city's
 *  "dispatch": "builtin:2024",             // or a table file (.json or .dmn)
 *  "escalation": "escalation.json",        // or "builtin"
 *  "timeLimits": "limits.json",            // gridgov.time-limits/1 overrides per item
 *  "timeLimitFactor": 1.5,
 *  "rankings": [{"kind": "department", "scheme": "builtin:tongcheng-2022"},
 *               {"kind": "street", "scheme": "region.json"}]}
 * }</pre>
 *
 * <p>A {@code gridgov-policy/1} document ({@link PolicySets}) is accepted as a variant too: its
 * lists and tables with the default time limits and rankings, named after its version.
 *
 * <p>Reading is all-or-nothing: a problem in the file or a file it names is an {@link
 * InvalidInputException} naming the file, the line and column and the JSON pointer (read with the
 * I/O toolkit; unknown members get a "did you mean"). Stateless and thread-safe.
 */
public final class PolicyVariants {
  /** The {@code format} of a variant file. */
  public static final String FORMAT = "gridgov-variant/1";

  private static final Set<String> MEMBERS =
      Set.of(
          "format",
          "name",
          "description",
          "policy",
          "lists",
          "dispatch",
          "escalation",
          "timeLimits",
          "timeLimitFactor",
          "rankings");

  private PolicyVariants() {}

  /**
   * Reads a variant file, or a policy document as a variant.
   *
   * @param file the file
   * @return the variant
   * @throws InvalidInputException naming the file and pointer of the first problem
   */
  public static PolicyVariant read(Path file) {
    return read(file, false);
  }

  /**
   * Reads a variant file, or a policy document as a variant, choosing where its parts may be.
   *
   * @param file the file
   * @param partsAnywhere {@code false} (the default of {@link #read(Path)}): every part file must
   *     lie under the variant file's directory, so a variant cannot name {@code /etc/passwd} or
   *     {@code ../../secret} (also through a symbolic link), and the parts of a {@code
   *     gridgov-policy/1} document must lie under its own directory ({@link
   *     PolicySets.Parts#UNDER_DOCUMENT}); {@code true}: any readable file, for both
   * @return the variant
   * @throws InvalidInputException naming the file and pointer of the first problem
   */
  public static PolicyVariant read(Path file, boolean partsAnywhere) {
    String source = file.toString();
    if (!Files.isRegularFile(file)) {
      throw InvalidInputException.at(source, "", "no such file");
    }
    return Json.read(file, Problems.Mode.FIRST_ERROR, root -> read(file, root, partsAnywhere));
  }

  private static PolicyVariant read(Path file, JsonNodeAt root, boolean partsAnywhere) {
    if (!root.isObject()) {
      throw root.fail("expected a JSON object");
    }
    String format = root.optString("format").orElse("");
    if (format.equals(PolicySets.FORMAT)) {
      PolicySet set = PolicySets.read(file, policyParts(partsAnywhere));
      return PolicyVariant.builder(set.version())
          .description("policy " + set.version() + " from " + file.getFileName())
          .lists(set.lists())
          .dispatcher(set.dispatcher())
          .escalation(set.escalation())
          .build();
    }
    if (!format.equals(FORMAT)) {
      throw root.fail(
          "format",
          "expected \"" + FORMAT + "\" (or \"" + PolicySets.FORMAT + "\"), got \"" + format + "\"");
    }
    // The message of an unknown member is pinned by the command line (one line, no position).
    for (String member : root.members().keySet()) {
      if (!MEMBERS.contains(member)) {
        throw InvalidInputException.at(
            file.toString(),
            Pointers.child("", member),
            "unknown member; "
                + Suggestions.didYouMean(member, MEMBERS)
                    .map(m -> "did you mean '" + m + "'? ")
                    .orElse("")
                + "known: "
                + String.join(", ", MEMBERS.stream().sorted().toList()));
      }
    }
    Parts dir = new Parts(file.toAbsolutePath().getParent(), partsAnywhere);
    String name = root.string("name");
    String description = root.optString("description").orElse("");
    PolicyVariant.Builder b =
        root.get("name").guard(() -> PolicyVariant.builder(name).description(description));
    Optional<String> policy = root.optString("policy");
    if (policy.isPresent()) {
      PolicySet set =
          policy.get().equals("builtin")
              ? PolicySets.defaults()
              : PolicySets.read(
                  resolve(dir, policy.get(), root, "policy"), policyParts(partsAnywhere));
      b.lists(set.lists()).dispatcher(set.dispatcher()).escalation(set.escalation());
    }
    root.optString("lists").ifPresent(l -> b.lists(ListsJson.read(resolve(dir, l, root, "lists"))));
    root.optString("dispatch").ifPresent(d -> b.dispatcher(dispatcher(dir, d, root)));
    root.optString("escalation").ifPresent(e -> b.escalation(escalation(dir, e, root)));
    root.optString("timeLimits")
        .ifPresent(
            t -> b.timeLimits(GridGovJson.readTimeLimits(resolve(dir, t, root, "timeLimits"))));
    Optional<JsonNodeAt> factor = root.opt("timeLimitFactor");
    if (factor.isPresent()) {
      JsonNodeAt f = factor.get();
      if (!f.node().isNumber() || !(f.node().asDouble() > 0 && f.node().asDouble() <= 100)) {
        throw f.fail("expected a number in (0, 100], got " + f.node());
      }
      b.timeLimitFactor(f.node().asDouble());
    }
    Optional<JsonNodeAt> rankings = root.opt("rankings");
    if (rankings.isPresent()) {
      b.rankings(rankings(dir, rankings.get()));
    }
    return root.guard(b::build);
  }

  /**
   * Reads several variant files; the names must differ.
   *
   * @param files the files
   * @return the variants, in file order
   * @throws InvalidInputException when a file is bad or two variants share a name
   */
  public static List<PolicyVariant> readAll(List<Path> files) {
    return readAll(files, false);
  }

  /**
   * Reads several variant files; the names must differ.
   *
   * @param files the files
   * @param partsAnywhere whether part files may lie outside each variant file's directory (see
   *     {@link #read(Path, boolean)})
   * @return the variants, in file order
   * @throws InvalidInputException when a file is bad or two variants share a name
   */
  public static List<PolicyVariant> readAll(List<Path> files, boolean partsAnywhere) {
    List<PolicyVariant> out = new ArrayList<>();
    for (Path f : files) {
      PolicyVariant v = read(f, partsAnywhere);
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i).name().equals(v.name())) {
          throw InvalidInputException.at(
              f.toString(),
              "/name",
              "variant name '" + v.name() + "' is already used by " + files.get(i));
        }
      }
      out.add(v);
    }
    return List.copyOf(out);
  }

  private static Dispatcher dispatcher(Parts dir, String ref, JsonNodeAt root) {
    if (ref.startsWith("builtin")) {
      String version = ref.equals("builtin") ? "2026" : ref.substring(ref.indexOf(':') + 1);
      return root.get("dispatch").guard(() -> Dispatcher.of(Dispatcher.shippedTable(version)));
    }
    Path f = resolve(dir, ref, root, "dispatch");
    DecisionTable table = DecisionTables.read(f);
    try {
      return Dispatcher.of(table);
    } catch (InvalidInputException e) {
      throw e.source().filter(s -> !s.isEmpty()).isPresent() ? e : e.withSource(f.toString());
    }
  }

  private static EscalationLadder escalation(Parts dir, String ref, JsonNodeAt root) {
    if (ref.equals("builtin")) {
      return EscalationLadder.defaults();
    }
    Path f = resolve(dir, ref, root, "escalation");
    DecisionTable table = DecisionTables.read(f);
    try {
      return EscalationLadder.of(table, LevelLadder.defaults());
    } catch (InvalidInputException e) {
      throw e.source().filter(s -> !s.isEmpty()).isPresent() ? e : e.withSource(f.toString());
    }
  }

  private static final List<String> UNIT_KINDS =
      List.of("grid", "worker", "community", "street", "department");

  private static List<Ranking> rankings(Parts dir, JsonNodeAt node) {
    if (!node.isArray() || node.node().isEmpty()) {
      throw node.fail("expected a non-empty array");
    }
    List<Ranking> out = new ArrayList<>();
    for (JsonNodeAt r : node.elements()) {
      if (!r.isObject()) {
        throw r.fail("expected an object with kind and scheme");
      }
      r.onlyKeys(Set.of("kind", "scheme"));
      String kindText = r.string("kind");
      UnitKind kind =
          UnitKind.parse(kindText)
              .orElseThrow(
                  () ->
                      r.fail(
                          "kind",
                          "unknown unit kind "
                              + Problems.quote(kindText)
                              + Suggestions.hint(kindText, UNIT_KINDS)));
      String schemeRef = r.string("scheme");
      ScoringScheme scheme;
      if (schemeRef.startsWith("builtin:")) {
        scheme =
            r.get("scheme")
                .guard(() -> ScoringSchemes.builtIn(schemeRef.substring("builtin:".length())));
      } else {
        scheme = ScoringSchemes.read(resolve(dir, schemeRef, r, "scheme"));
      }
      out.add(r.guard(() -> new Ranking(kind, scheme)));
    }
    return out;
  }

  /** Where a policy document's own parts may be: under its directory, or anywhere. */
  private static PolicySets.Parts policyParts(boolean partsAnywhere) {
    return partsAnywhere ? PolicySets.Parts.ANYWHERE : PolicySets.Parts.UNDER_DOCUMENT;
  }

  /** Where the part files of one variant may be: its directory, or anywhere. */
  private record Parts(Path dir, boolean anywhere) {}

  /**
   * Resolves a part's path against the variant's directory. Unless parts may be anywhere, the path
   * must be relative and stay under the directory once {@code ..} and symbolic links are resolved;
   * it is refused before the file is opened, so nothing of a foreign file reaches a message.
   */
  private static Path resolve(Parts parts, String ref, JsonNodeAt parent, String member) {
    if (ref.isBlank()) {
      throw parent.fail(member, "empty path");
    }
    Path p;
    try {
      p = parts.dir().resolve(ref);
    } catch (java.nio.file.InvalidPathException e) {
      throw parent.fail(member, "not a valid path: " + Problems.quote(ref));
    }
    if (!parts.anywhere()) {
      String outside =
          "the path "
              + Problems.quote(ref)
              + " leads outside the variant's directory "
              + parts.dir()
              + "; parts must lie under it (the command line's --parts-anywhere allows any file)";
      if (Path.of(ref).isAbsolute() || !p.normalize().startsWith(parts.dir().normalize())) {
        throw parent.fail(member, outside);
      }
      if (Files.isRegularFile(p)) {
        try {
          if (!p.toRealPath().startsWith(parts.dir().toRealPath())) {
            throw parent.fail(member, outside + " (through a symbolic link)");
          }
        } catch (java.io.IOException e) {
          throw parent.fail(member, "cannot resolve the path " + Problems.quote(ref));
        }
      }
    }
    if (!Files.isRegularFile(p)) {
      throw parent.fail(member, "no such file: " + p);
    }
    return p;
  }
}
