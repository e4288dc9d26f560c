package org.gridgov.lab;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.LevelLadder;
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
 * InvalidInputException} naming the file and the JSON pointer. Stateless and thread-safe.
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

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private PolicyVariants() {}

  /**
   * Reads a variant file, or a policy document as a variant.
   *
   * @param file the file
   * @return the variant
   * @throws InvalidInputException naming the file and pointer of the first problem
   */
  public static PolicyVariant read(Path file) {
    String source = file.toString();
    JsonNode root = parse(file);
    if (!root.isObject()) {
      throw InvalidInputException.at(source, "", "expected a JSON object");
    }
    String format = root.path("format").asText("");
    if (format.equals(PolicySets.FORMAT)) {
      PolicySet set = PolicySets.read(file);
      return PolicyVariant.builder(set.version())
          .description("policy " + set.version() + " from " + file.getFileName())
          .lists(set.lists())
          .dispatcher(set.dispatcher())
          .escalation(set.escalation())
          .build();
    }
    if (!format.equals(FORMAT)) {
      throw InvalidInputException.at(
          source,
          "/format",
          "expected \"" + FORMAT + "\" (or \"" + PolicySets.FORMAT + "\"), got \"" + format + "\"");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!MEMBERS.contains(name)) {
        throw InvalidInputException.at(
            source,
            "/" + name,
            "unknown member; known: " + String.join(", ", MEMBERS.stream().sorted().toList()));
      }
    }
    Path dir = file.toAbsolutePath().getParent();
    String name =
        text(root, "name", source)
            .orElseThrow(() -> InvalidInputException.at(source, "/name", "a variant needs a name"));
    PolicyVariant.Builder b;
    try {
      b = PolicyVariant.builder(name);
      b.description(text(root, "description", source).orElse(""));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.at(source, "/name", e.getMessage());
    }
    Optional<String> policy = text(root, "policy", source);
    if (policy.isPresent()) {
      PolicySet set =
          policy.get().equals("builtin")
              ? PolicySets.defaults()
              : PolicySets.read(resolve(dir, policy.get(), source, "/policy"));
      b.lists(set.lists()).dispatcher(set.dispatcher()).escalation(set.escalation());
    }
    text(root, "lists", source)
        .ifPresent(l -> b.lists(ListsJson.read(resolve(dir, l, source, "/lists"))));
    text(root, "dispatch", source).ifPresent(d -> b.dispatcher(dispatcher(dir, d, source)));
    text(root, "escalation", source).ifPresent(e -> b.escalation(escalation(dir, e, source)));
    text(root, "timeLimits", source)
        .ifPresent(
            t -> b.timeLimits(GridGovJson.readTimeLimits(resolve(dir, t, source, "/timeLimits"))));
    JsonNode factor = root.get("timeLimitFactor");
    if (factor != null && !factor.isNull()) {
      if (!factor.isNumber() || !(factor.asDouble() > 0 && factor.asDouble() <= 100)) {
        throw InvalidInputException.at(
            source, "/timeLimitFactor", "expected a number in (0, 100], got " + factor);
      }
      b.timeLimitFactor(factor.asDouble());
    }
    JsonNode rankings = root.get("rankings");
    if (rankings != null && !rankings.isNull()) {
      b.rankings(rankings(dir, rankings, source));
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.at(source, "", e.getMessage());
    }
  }

  /**
   * Reads several variant files; the names must differ.
   *
   * @param files the files
   * @return the variants, in file order
   * @throws InvalidInputException when a file is bad or two variants share a name
   */
  public static List<PolicyVariant> readAll(List<Path> files) {
    List<PolicyVariant> out = new ArrayList<>();
    for (Path f : files) {
      PolicyVariant v = read(f);
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

  private static Dispatcher dispatcher(Path dir, String ref, String source) {
    if (ref.startsWith("builtin")) {
      String version = ref.equals("builtin") ? "2026" : ref.substring(ref.indexOf(':') + 1);
      try {
        return Dispatcher.of(Dispatcher.shippedTable(version));
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.at(source, "/dispatch", e.getMessage());
      }
    }
    Path f = resolve(dir, ref, source, "/dispatch");
    DecisionTable table = DecisionTables.read(f);
    try {
      return Dispatcher.of(table);
    } catch (InvalidInputException e) {
      throw e.source().filter(s -> !s.isEmpty()).isPresent() ? e : e.withSource(f.toString());
    }
  }

  private static EscalationLadder escalation(Path dir, String ref, String source) {
    if (ref.equals("builtin")) {
      return EscalationLadder.defaults();
    }
    Path f = resolve(dir, ref, source, "/escalation");
    DecisionTable table = DecisionTables.read(f);
    try {
      return EscalationLadder.of(table, LevelLadder.defaults());
    } catch (InvalidInputException e) {
      throw e.source().filter(s -> !s.isEmpty()).isPresent() ? e : e.withSource(f.toString());
    }
  }

  private static List<Ranking> rankings(Path dir, JsonNode node, String source) {
    if (!node.isArray() || node.isEmpty()) {
      throw InvalidInputException.at(source, "/rankings", "expected a non-empty array");
    }
    List<Ranking> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String at = "/rankings/" + i;
      JsonNode r = node.get(i);
      if (!r.isObject()) {
        throw InvalidInputException.at(source, at, "expected an object with kind and scheme");
      }
      for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
        String m = it.next();
        if (!m.equals("kind") && !m.equals("scheme")) {
          throw InvalidInputException.at(
              source, at + "/" + m, "unknown member; known: kind, scheme");
        }
      }
      String kindText =
          text(r, "kind", source, at + "/kind")
              .orElseThrow(() -> InvalidInputException.at(source, at + "/kind", "missing"));
      UnitKind kind =
          UnitKind.parse(kindText)
              .orElseThrow(
                  () ->
                      InvalidInputException.at(
                          source,
                          at + "/kind",
                          "unknown unit kind '"
                              + kindText
                              + "'; one of grid, worker, community,"
                              + " street, department"));
      String schemeRef =
          text(r, "scheme", source, at + "/scheme")
              .orElseThrow(() -> InvalidInputException.at(source, at + "/scheme", "missing"));
      ScoringScheme scheme;
      if (schemeRef.startsWith("builtin:")) {
        try {
          scheme = ScoringSchemes.builtIn(schemeRef.substring("builtin:".length()));
        } catch (IllegalArgumentException e) {
          throw InvalidInputException.at(source, at + "/scheme", e.getMessage());
        }
      } else {
        scheme = ScoringSchemes.read(resolve(dir, schemeRef, source, at + "/scheme"));
      }
      try {
        out.add(new Ranking(kind, scheme));
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.at(source, at, e.getMessage());
      }
    }
    return out;
  }

  private static Path resolve(Path dir, String ref, String source, String pointer) {
    if (ref.isBlank()) {
      throw InvalidInputException.at(source, pointer, "empty path");
    }
    Path p = dir.resolve(ref);
    if (!Files.isRegularFile(p)) {
      throw InvalidInputException.at(source, pointer, "no such file: " + p);
    }
    return p;
  }

  private static Optional<String> text(JsonNode node, String member, String source) {
    return text(node, member, source, "/" + member);
  }

  private static Optional<String> text(JsonNode node, String member, String source, String at) {
    JsonNode v = node.get(member);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw InvalidInputException.at(source, at, "expected a string, got " + v.getNodeType());
    }
    return Optional.of(v.asText());
  }

  private static JsonNode parse(Path file) {
    String source = file.toString();
    try {
      return MAPPER.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw InvalidInputException.at(source, "", "no such file");
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      throw new InvalidInputException(
          source,
          l == null ? 0 : l.getLineNr(),
          l == null ? 0 : l.getColumnNr(),
          "",
          "malformed JSON: " + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw InvalidInputException.at(source, "", "cannot read: " + e.getMessage());
    }
  }
}
