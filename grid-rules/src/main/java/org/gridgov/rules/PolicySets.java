package org.gridgov.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.LevelLadder;
import org.gridgov.rules.dispatch.Dispatcher;
import org.gridgov.rules.dispatch.EscalationLadder;
import org.gridgov.rules.internal.JsonIn;
import org.gridgov.rules.internal.Resources;
import org.gridgov.rules.lists.GovernanceLists;
import org.gridgov.rules.lists.ListsJson;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.DecisionTables;
import org.gridgov.rules.table.ReadOptions;

/**
 * The front door of grid-rules: reads policy documents (a {@link PolicySet}, or a {@link
 * PolicyHistory} of them) and gives the shipped sample policy.
 *
 * <p>A policy document ({@code docs/dispatch-escalation.md}) names its version and term and either
 * embeds its lists and tables or refers to them by a path relative to the document:
 *
 * <pre>{@code
 * {"format": "gridgov-policy/1", "version": "2026", "validFrom": "2026-01-01",
 *  "lists": "lists.json", "dispatch": "dispatch-2026.json", "escalation": "escalation.json"}
 * }</pre>
 *
 * <p>Reading is all-or-nothing: any problem in the document or a file it refers to throws an {@link
 * InvalidInputException} naming the file and the JSON pointer (and, inside a table, the rule and
 * column). Thread-safe: all methods are static. A history of versions is read by {@link
 * PolicyHistory#read(Path)}.
 */
public final class PolicySets {
  /** The {@code format} of a policy document. */
  public static final String FORMAT = "gridgov-policy/1";

  /** The {@code format} of a policy history document. */
  public static final String HISTORY_FORMAT = "gridgov-policy-history/1";

  private static final Set<String> POLICY =
      Set.of(
          "format", "version", "validFrom", "validTo", "levels", "lists", "dispatch", "escalation");
  private static final Set<String> HISTORY = Set.of("format", "versions");
  private static final String ROOT = "/org/gridgov/rules/";

  private PolicySets() {}

  /**
   * The shipped sample history: Tongcheng-style lists (90 items, 22 joint-duty departments) with
   * the 2024 dispatch table (in force 2024–2025) and the 2026 one (from 2026), and the default
   * escalation ladder.
   *
   * @return the history, read once
   */
  public static PolicyHistory shipped() {
    return Shipped.HISTORY;
  }

  /**
   * The latest shipped policy set.
   *
   * @return the set
   */
  public static PolicySet defaults() {
    return Shipped.HISTORY.latest();
  }

  /**
   * The shipped sample lists ({@code org/gridgov/rules/sample/lists.json}).
   *
   * @return the lists
   */
  public static GovernanceLists sampleLists() {
    return Shipped.HISTORY.latest().lists();
  }

  /**
   * Reads a policy document from a file; referenced files are resolved against its directory.
   *
   * @param file the policy document
   * @return the set
   * @throws InvalidInputException naming the file and pointer of the first problem
   */
  public static PolicySet read(Path file) {
    Objects.requireNonNull(file, "file");
    Reader r = new Reader(Opener.files(file));
    String source = file.toString();
    return r.policy(r.json(source).object(r.parse(source), ""), source, "", null);
  }

  /**
   * Reads a policy document from a stream; files it refers to are resolved against the directory of
   * {@code sourceName} taken as a path (a document with every part embedded needs no files).
   *
   * @param in the stream, read fully and not closed
   * @param sourceName the document's name, used in messages and to resolve references
   * @return the set
   * @throws InvalidInputException naming the source and pointer of the first problem
   */
  public static PolicySet read(InputStream in, String sourceName) {
    Reader r = new Reader(Opener.stream(in, sourceName));
    return r.policy(r.json(sourceName).object(r.parse(sourceName), ""), sourceName, "", null);
  }

  /** Reads a history file; the front door is {@link PolicyHistory#read(Path)}. */
  static PolicyHistory readHistory(Path file) {
    Objects.requireNonNull(file, "file");
    return new Reader(Opener.files(file)).history(file.toString());
  }

  /** Reads a history stream; the front door is {@link PolicyHistory#read(InputStream, String)}. */
  static PolicyHistory readHistory(InputStream in, String sourceName) {
    return new Reader(Opener.stream(in, sourceName)).history(sourceName);
  }

  /** Holds the shipped history, read on first use. */
  private static final class Shipped {
    static final PolicyHistory HISTORY =
        new Reader(Opener.resources()).history("policy-history.json");
  }

  /** Opens a document referred to by another, relative to the first one's location. */
  private interface Opener {
    /** Opens a reference; returns the source name and the stream. */
    InputStream open(String ref) throws IOException;

    String name(String ref);

    static Opener files(Path document) {
      Path dir = document.toAbsolutePath().getParent();
      return new Opener() {
        @Override
        public InputStream open(String ref) throws IOException {
          return Files.newInputStream(resolve(ref));
        }

        @Override
        public String name(String ref) {
          return ref.equals(document.toString()) ? ref : resolve(ref).toString();
        }

        private Path resolve(String ref) {
          Path p = Path.of(ref);
          return p.isAbsolute() || ref.equals(document.toString()) ? p : dir.resolve(p).normalize();
        }
      };
    }

    static Opener stream(InputStream document, String sourceName) {
      Objects.requireNonNull(document, "in");
      Objects.requireNonNull(sourceName, "sourceName");
      Opener files = files(Path.of(sourceName));
      return new Opener() {
        @Override
        public InputStream open(String ref) throws IOException {
          if (ref.equals(sourceName)) {
            return new FilterInputStream(document) {
              @Override
              public void close() {
                // the caller's stream stays open
              }
            };
          }
          return files.open(ref);
        }

        @Override
        public String name(String ref) {
          return files.name(ref);
        }
      };
    }

    static Opener resources() {
      return new Opener() {
        @Override
        public InputStream open(String ref) throws IOException {
          InputStream in = Resources.class.getResourceAsStream(ROOT + ref);
          if (in == null) {
            throw new IOException("no such resource " + ROOT + ref);
          }
          return in;
        }

        @Override
        public String name(String ref) {
          return ROOT.substring(1) + ref;
        }
      };
    }
  }

  /** Reads one document and what it refers to, sharing what two versions refer to alike. */
  private static final class Reader {
    private final Opener opener;
    private final Map<String, Object> loaded = new HashMap<>();

    Reader(Opener opener) {
      this.opener = opener;
    }

    JsonIn json(String source) {
      return new JsonIn(source);
    }

    JsonNode parse(String ref) {
      String name = opener.name(ref);
      try (InputStream in = opener.open(ref)) {
        return new JsonIn(name).parse(in);
      } catch (IOException e) {
        throw new InvalidInputException(name, 0, 0, "", "cannot read: " + e.getMessage(), e);
      }
    }

    PolicyHistory history(String ref) {
      String source = opener.name(ref);
      JsonIn json = json(source);
      ObjectNode root = json.object(parse(ref), "");
      json.onlyFields(root, "", HISTORY);
      format(json, root, "", HISTORY_FORMAT);
      List<JsonNode> vs = json.array(root, "", "versions");
      List<PolicySet> sets = new ArrayList<>();
      for (int i = 0; i < vs.size(); i++) {
        String p = "/versions/" + i;
        sets.add(policy(json.object(vs.get(i), p), source, p, json));
      }
      try {
        return PolicyHistory.of(sets);
      } catch (IllegalArgumentException e) {
        throw json.fail("/versions", e.getMessage());
      }
    }

    PolicySet policy(ObjectNode o, String source, String p, JsonIn outer) {
      JsonIn json = outer == null ? json(source) : outer;
      json.onlyFields(o, p, POLICY);
      format(json, o, p, FORMAT);
      String version = json.text(o, p, "version");
      LocalDate from = json.date(o, p, "validFrom");
      Optional<LocalDate> to = json.optDate(o, p, "validTo");
      LevelLadder ladder = ladder(json, o, p);
      json.require(o, p, "lists");
      json.require(o, p, "dispatch");
      json.require(o, p, "escalation");
      GovernanceLists lists = part(o, source, p, "lists", ListsJson::read);
      DecisionTable dispatch = table(o, source, p, "dispatch");
      DecisionTable escalation = table(o, source, p, "escalation");
      Dispatcher dispatcher = located(source, p + "/dispatch", () -> Dispatcher.of(dispatch));
      EscalationLadder ladderOf =
          located(source, p + "/escalation", () -> EscalationLadder.of(escalation, ladder));
      try {
        return new PolicySet(version, from, to, lists, dispatcher, ladderOf);
      } catch (IllegalArgumentException e) {
        throw json.fail(p, e.getMessage());
      }
    }

    private static void format(JsonIn json, ObjectNode o, String p, String expected) {
      Optional<String> format = json.optText(o, p, "format");
      if (format.isPresent() && !format.get().equals(expected)) {
        throw json.fail(
            JsonIn.child(p, "format"),
            "unsupported format '" + format.get() + "'; expected " + expected);
      }
    }

    private static LevelLadder ladder(JsonIn json, ObjectNode o, String p) {
      if (!o.has("levels")) {
        return LevelLadder.defaults();
      }
      List<String> names = json.optTexts(o, p, "levels");
      List<GridLevel> levels = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        levels.add(json.level(names.get(i), JsonIn.child(p, "levels") + "/" + i));
      }
      try {
        return LevelLadder.of(levels);
      } catch (IllegalArgumentException e) {
        throw json.fail(JsonIn.child(p, "levels"), e.getMessage());
      }
    }

    private DecisionTable table(ObjectNode o, String source, String p, String name) {
      return part(
          o,
          source,
          p,
          name,
          (in, sourceName) ->
              DecisionTables.read(
                  in, sourceName, ReadOptions.defaults().withFormat(ReadOptions.Format.JSON)));
    }

    /** Reads a part given inline (an object) or by reference (a relative path). */
    @SuppressWarnings("unchecked")
    private <T> T part(
        ObjectNode o,
        String source,
        String p,
        String name,
        BiFunction<InputStream, String, T> reader) {
      JsonNode v = o.get(name);
      String at = JsonIn.child(p, name);
      if (v.isObject()) {
        // an embedded part: read as its own document, its problems placed in this one
        try {
          return reader.apply(new ByteArrayInputStream(JsonIn.compact(v)), source);
        } catch (InvalidInputException e) {
          throw JsonIn.relocate(e, source, at);
        }
      }
      if (!v.isTextual() || v.textValue().isBlank()) {
        throw new JsonIn(source)
            .fail(at, "expected an object or a relative path but found " + JsonIn.describe(v));
      }
      String ref = v.textValue();
      String key = name + '\u0000' + ref;
      Object cached = loaded.get(key);
      if (cached != null) {
        return (T) cached;
      }
      T value;
      try (InputStream in = opener.open(ref)) {
        value = reader.apply(in, opener.name(ref));
      } catch (IOException e) {
        throw new JsonIn(source).fail(at, "cannot read '" + ref + "': " + e.getMessage());
      }
      loaded.put(key, value);
      return value;
    }

    private interface Build<T> {
      T get();
    }

    /** Gives a table check's error the document's name and the part's pointer. */
    private static <T> T located(String source, String pointer, Build<T> build) {
      try {
        return build.get();
      } catch (InvalidInputException e) {
        throw InvalidInputException.at(
            source, pointer, e.pointer().map(q -> q + ": ").orElse("") + e.reason());
      }
    }
  }
}
