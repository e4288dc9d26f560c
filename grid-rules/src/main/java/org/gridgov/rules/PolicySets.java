package org.gridgov.rules;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.gridgov.core.Finding;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InputCode;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.LevelLadder;
import org.gridgov.core.SourceLocation;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Problems;
import org.gridgov.rules.dispatch.Dispatcher;
import org.gridgov.rules.dispatch.EscalationLadder;
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
 * <p>Reading is all-or-nothing and collects every problem of the document, its embedded parts
 * included, into one {@link InvalidInputException} whose {@link InvalidInputException#problems()}
 * name the file, line, column and JSON pointer (and, inside a table, the rule and column); a file
 * it refers to that has problems ends the read with that file's problems (and those found so far).
 * Unknown members get a "did you mean"; duplicate member names and grid-core's document limits are
 * errors. Thread-safe: all methods are static. A history of versions is read by {@link
 * PolicyHistory#read(Path)}.
 *
 * <p>A referenced part must lie under the document's directory: an absolute path, a {@code ..} that
 * climbs out or a symbolic link that leads out is refused at the member's pointer before the file
 * is opened, so nothing of a foreign file reaches a message. {@link Parts#ANYWHERE} allows any
 * readable file.
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

  /** Where the files a policy document refers to may lie. */
  public enum Parts {
    /**
     * Under the document's directory (the default): relative paths only, and neither {@code ..} nor
     * a symbolic link may lead out of it.
     */
    UNDER_DOCUMENT,
    /** Any readable file, absolute paths included. */
    ANYWHERE
  }

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
    return read(file, Parts.UNDER_DOCUMENT);
  }

  /**
   * Reads a policy document from a file, choosing where the files it refers to may lie.
   *
   * @param file the policy document
   * @param parts {@link Parts#UNDER_DOCUMENT} (the default of {@link #read(Path)}) or {@link
   *     Parts#ANYWHERE}
   * @return the set
   * @throws InvalidInputException naming the file and pointer of the first problem
   */
  public static PolicySet read(Path file, Parts parts) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(parts, "parts");
    return new Reader(Opener.files(file, parts)).document(file.toString());
  }

  /**
   * Reads a policy document from a stream; files it refers to are resolved against the directory of
   * {@code sourceName} taken as a path (a document with every part embedded needs no files), and
   * must lie under it.
   *
   * @param in the stream, read fully and not closed
   * @param sourceName the document's name, used in messages and to resolve references
   * @return the set
   * @throws InvalidInputException naming the source and pointer of the first problem
   */
  public static PolicySet read(InputStream in, String sourceName) {
    return new Reader(Opener.stream(in, sourceName, Parts.UNDER_DOCUMENT)).document(sourceName);
  }

  /** Reads a history file; the front door is {@link PolicyHistory#read(Path, Parts)}. */
  static PolicyHistory readHistory(Path file, Parts parts) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(parts, "parts");
    return new Reader(Opener.files(file, parts)).history(file.toString());
  }

  /** Reads a history stream; the front door is {@link PolicyHistory#read(InputStream, String)}. */
  static PolicyHistory readHistory(InputStream in, String sourceName) {
    return new Reader(Opener.stream(in, sourceName, Parts.UNDER_DOCUMENT)).history(sourceName);
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

    /**
     * Why a part reference may not be opened (it leads outside where parts may lie), or empty. The
     * reason names the path, never anything read from the file.
     */
    default Optional<String> refusal(String ref) {
      return Optional.empty();
    }

    static Opener files(Path document, Parts parts) {
      Path dir = document.toAbsolutePath().getParent();
      return new Opener() {
        @Override
        public Optional<String> refusal(String ref) {
          if (parts == Parts.ANYWHERE) {
            return Optional.empty();
          }
          String outside =
              "the path "
                  + Problems.quote(ref)
                  + " leads outside the policy's directory "
                  + dir
                  + "; parts must lie under it";
          Path p;
          try {
            p = Path.of(ref);
          } catch (InvalidPathException e) {
            return Optional.of("not a valid path: " + Problems.quote(ref));
          }
          Path resolved = dir.resolve(p).normalize();
          if (p.isAbsolute() || p.getRoot() != null || !resolved.startsWith(dir.normalize())) {
            return Optional.of(outside);
          }
          if (Files.exists(resolved)) {
            try {
              if (!resolved.toRealPath().startsWith(dir.toRealPath())) {
                return Optional.of(outside + " (through a symbolic link)");
              }
            } catch (IOException e) {
              return Optional.of("cannot resolve the path " + Problems.quote(ref));
            }
          }
          return Optional.empty();
        }

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

    static Opener stream(InputStream document, String sourceName, Parts parts) {
      Objects.requireNonNull(document, "in");
      Objects.requireNonNull(sourceName, "sourceName");
      Opener files = files(Path.of(sourceName), parts);
      return new Opener() {
        @Override
        public Optional<String> refusal(String ref) {
          return files.refusal(ref);
        }

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

    /** Parses a document (the policy, a history, or a part it refers to). */
    org.gridgov.core.io.JsonDocument parse(String ref) {
      String name = opener.name(ref);
      try (InputStream in = opener.open(ref)) {
        return Json.parse(in, name);
      } catch (IOException e) {
        throw new InvalidInputException(name, 0, 0, "", "cannot read: " + e.getMessage(), e);
      }
    }

    PolicySet document(String ref) {
      String source = opener.name(ref);
      return parse(ref).read(Problems.Mode.ALL_ERRORS, root -> policy(root, source));
    }

    PolicyHistory history(String ref) {
      String source = opener.name(ref);
      return parse(ref)
          .read(
              Problems.Mode.ALL_ERRORS,
              root -> {
                int errors = root.problems().errorCount();
                root.onlyKeys(HISTORY);
                format(root, HISTORY_FORMAT);
                JsonNodeAt versions = root.get("versions");
                List<PolicySet> sets = versions.elements(v -> policy(v, source));
                if (root.problems().errorCount() > errors) {
                  return null; // recorded; a history of the versions left would only mislead
                }
                return versions.guard(() -> PolicyHistory.of(sets));
              });
    }

    /** Reads one policy; returns null (its problems recorded) when a part could not be read. */
    PolicySet policy(JsonNodeAt o, String source) {
      Problems problems = o.problems();
      int errors = problems.errorCount();
      o.onlyKeys(POLICY);
      // each member on its own, so that one problem does not hide the next
      problems.attempt(() -> format(o, FORMAT));
      Optional<String> version = problems.attempt(() -> version(o));
      Optional<LocalDate> from =
          problems.attempt(() -> o.parsed("validFrom", "date", LocalDate::parse));
      Optional<LocalDate> to = o.optParsed("validTo", "date", LocalDate::parse);
      Optional<LevelLadder> ladder = problems.attempt(() -> ladder(o));
      Optional<GovernanceLists> lists =
          problems.attempt(() -> part(o, source, "lists", ListsJson::read));
      Optional<DecisionTable> dispatch = problems.attempt(() -> table(o, source, "dispatch"));
      Optional<DecisionTable> escalation = problems.attempt(() -> table(o, source, "escalation"));
      if (problems.errorCount() > errors) {
        return null;
      }
      Dispatcher dispatcher = located(o, "dispatch", () -> Dispatcher.of(dispatch.orElseThrow()));
      EscalationLadder ladderOf =
          located(
              o,
              "escalation",
              () -> EscalationLadder.of(escalation.orElseThrow(), ladder.orElseThrow()));
      if (dispatcher == null || ladderOf == null) {
        return null;
      }
      return o.guard(
          () ->
              new PolicySet(
                  version.orElseThrow(),
                  from.orElseThrow(),
                  to,
                  lists.orElseThrow(),
                  dispatcher,
                  ladderOf));
    }

    private static String version(JsonNodeAt o) {
      String version = o.string("version");
      if (version.isBlank()) {
        throw o.fail("version", "must not be blank");
      }
      return version;
    }

    private static String format(JsonNodeAt o, String expected) {
      Optional<String> format = o.optString("format");
      if (format.isPresent() && !format.get().equals(expected)) {
        throw o.fail(
            "format",
            "unsupported format " + Problems.quote(format.get()) + "; expected " + expected);
      }
      return expected;
    }

    private static LevelLadder ladder(JsonNodeAt o) {
      Optional<JsonNodeAt> node = o.opt("levels");
      if (node.isEmpty()) {
        return LevelLadder.defaults();
      }
      List<GridLevel> levels = node.get().elements(n -> n.asParsed("level", GridLevel::of));
      return node.get().guard(() -> LevelLadder.of(levels));
    }

    private DecisionTable table(JsonNodeAt o, String source, String name) {
      return part(
          o,
          source,
          name,
          (in, sourceName) ->
              DecisionTables.read(
                  in, sourceName, ReadOptions.defaults().withFormat(ReadOptions.Format.JSON)));
    }

    /**
     * Reads a part given inline (an object) or by reference (a relative path); returns null when
     * its problems were recorded.
     */
    @SuppressWarnings("unchecked")
    private <T> T part(
        JsonNodeAt o, String source, String name, BiFunction<InputStream, String, T> reader) {
      JsonNodeAt v = o.get(name);
      Problems problems = v.problems();
      if (v.isObject()) {
        // an embedded part: read by its own reader, its problems placed in this document
        byte[] bytes = Json.compact(v.node()).getBytes(StandardCharsets.UTF_8);
        try {
          return reader.apply(new ByteArrayInputStream(bytes), source);
        } catch (InvalidInputException e) {
          for (Finding f : e.problems().errors()) {
            String inner = f.location().map(SourceLocation::pointer).orElse("");
            problems.error(code(f), v.pointer() + inner, f.message());
          }
          return null;
        }
      }
      if (!v.isString() || v.node().textValue().isBlank()) {
        throw v.fail(
            "expected an object or a relative path but found " + JsonNodeAt.describe(v.node()));
      }
      String ref = v.node().textValue();
      Optional<String> refused = opener.refusal(ref);
      if (refused.isPresent()) {
        problems.error(InputCode.BAD_VALUE, v.pointer(), refused.get());
        return null;
      }
      String key = name + '\u0000' + ref;
      Object cached = loaded.get(key);
      if (cached != null) {
        return (T) cached;
      }
      T value;
      try (InputStream in = opener.open(ref)) {
        value = reader.apply(in, opener.name(ref));
      } catch (IOException e) {
        problems.error(
            InputCode.BAD_VALUE,
            v.pointer(),
            "cannot read " + Problems.quote(ref) + ": " + e.getMessage());
        return null;
      } catch (InvalidInputException e) {
        // the referenced file's problems, with those of this document found so far
        throw problems.hasErrors()
            ? InvalidInputException.of(problems.findings().plus(e.problems()), e)
            : e;
      }
      loaded.put(key, value);
      return value;
    }

    private static InputCode code(Finding f) {
      for (InputCode c : InputCode.values()) {
        if (c.name().equals(f.code())) {
          return c;
        }
      }
      return InputCode.BAD_VALUE;
    }

    private interface Build<T> {
      T get();
    }

    /**
     * Gives a table check's error the document's pointer of the part; returns null when it failed
     * (the problem recorded).
     */
    private static <T> T located(JsonNodeAt o, String name, Build<T> build) {
      try {
        return build.get();
      } catch (InvalidInputException e) {
        o.problems()
            .error(
                InputCode.BAD_VALUE,
                o.at(name),
                e.pointer().map(q -> q + ": ").orElse("") + e.reason());
        return null;
      }
    }
  }
}
