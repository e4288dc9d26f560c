package org.gridgov.examples.docs;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Extracts the {@code ```java} blocks of Markdown files and compiles them, all in one compiler
 * call, following the doc snippet convention of {@code docs/testing.md}:
 *
 * <ul>
 *   <li>the {@code import ...;} lines at the top of a block (blank and comment lines may sit
 *       between them) are the block's imports;
 *   <li>a block that declares a top-level class, record, interface or enum (at column 0) is a whole
 *       compilation unit;
 *   <li>any other block is a list of statements, compiled as the body of {@code void snippet()
 *       throws Exception} of a generated class, so every variable it uses must be declared in it.
 * </ul>
 *
 * <p>Every block gets a package of its own, so two blocks may declare the same class name. Line
 * numbers of the generated source are the block's own, so a compiler message maps back to the
 * Markdown line.
 */
public final class DocSnippets {
  private static final Pattern FENCE_OPEN = Pattern.compile("^(\\s*)```java\\s*$");
  private static final Pattern FENCE = Pattern.compile("^\\s*```.*$");
  private static final Pattern IMPORT =
      Pattern.compile("^\\s*import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;\\s*(//.*)?$");
  private static final Pattern TOP_LEVEL_TYPE =
      Pattern.compile(
          "^(?:@\\w+(?:\\([^)]*\\))?\\s+)*"
              + "(?:(?:public|protected|private|abstract|final|static|sealed|non-sealed|strictfp)\\s+)*"
              + "(?:class|record|interface|enum|@interface)\\s+\\w+.*$");

  private DocSnippets() {}

  /**
   * One {@code ```java} block.
   *
   * @param file the Markdown file, as it is named in messages (relative to the repository)
   * @param line the 1-based line of the opening fence
   * @param lines the block's lines, without the fences and the fence's indentation
   */
  record Block(String file, int line, List<String> lines) {
    Block {
      lines = List.copyOf(lines);
    }

    /** Whether the block declares a top-level type and is compiled as it stands. */
    boolean isCompilationUnit() {
      return lines.stream().anyMatch(l -> TOP_LEVEL_TYPE.matcher(l).matches());
    }

    /** The number of leading lines that are imports, blank or comments (the import header). */
    int headerLines() {
      int header = 0;
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i).strip();
        if (IMPORT.matcher(l).matches()) {
          header = i + 1;
        } else if (!(l.isEmpty() || l.startsWith("//"))) {
          break;
        }
      }
      return header;
    }

    /** The package the block is compiled in, unique per block. */
    String packageName() {
      String slug = file.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
      return "docsnippets." + slug + "_l" + line;
    }

    /**
     * The Java source the block is compiled as; line {@code n} of it is line {@code n} of the
     * block.
     */
    String source() {
      List<String> out = new ArrayList<>(lines);
      if (out.isEmpty()) {
        out.add("");
      }
      if (!isCompilationUnit()) {
        int body = Math.min(headerLines(), out.size() - 1);
        if (headerLines() == out.size()) {
          out.add("");
          body = out.size() - 1;
        }
        out.set(
            body,
            "@SuppressWarnings(\"all\") class DocSnippet { void snippet() throws Exception { "
                + out.get(body));
        out.add("}}");
      }
      out.set(0, "package " + packageName() + "; " + out.get(0));
      return String.join("\n", out) + "\n";
    }
  }

  /**
   * The {@code ```java} blocks of a Markdown text.
   *
   * @param file the name used in messages
   * @param markdown the text
   * @return the blocks in order
   */
  static List<Block> extract(String file, String markdown) {
    List<Block> blocks = new ArrayList<>();
    String[] lines = markdown.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher open = FENCE_OPEN.matcher(lines[i]);
      if (!open.matches()) {
        continue;
      }
      int indent = open.group(1).length();
      int start = i + 1;
      List<String> body = new ArrayList<>();
      int j = i + 1;
      for (; j < lines.length && !FENCE.matcher(lines[j]).matches(); j++) {
        String l = lines[j];
        int cut = 0;
        while (cut < indent && cut < l.length() && l.charAt(cut) == ' ') {
          cut++;
        }
        body.add(l.substring(cut));
      }
      checkArgument(j < lines.length, "%s:%s: the ```java block is never closed", file, start);
      blocks.add(new Block(file, start, body));
      i = j;
    }
    return blocks;
  }

  /**
   * The {@code ```java} blocks of the given Markdown files.
   *
   * @param root the repository root (file names in messages are relative to it)
   * @param files the files
   * @return the blocks in order
   */
  static List<Block> extract(Path root, List<Path> files) {
    List<Block> blocks = new ArrayList<>();
    for (Path f : files) {
      try {
        String name = root.relativize(f).toString().replace('\\', '/');
        blocks.addAll(extract(name, Files.readString(f, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return blocks;
  }

  /** README.md and every docs/*.md of the repository. */
  static List<Path> markdownFiles(Path root) {
    List<Path> files = new ArrayList<>();
    files.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /**
   * The repository root.
   *
   * @return the nearest directory up from the working directory with README.md, docs/ and pom.xml
   */
  public static Path repositoryRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("README.md"))
          && Files.isDirectory(p.resolve("docs"))
          && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "no repository root (README.md, docs/, pom.xml) above " + Path.of("").toAbsolutePath());
  }

  /**
   * Compiles every block in one compiler call against the given class path.
   *
   * @param blocks the blocks
   * @param classPath the class path the snippets are compiled against
   * @return one message per compiler error, {@code FILE:LINE: (block at line N) message}; empty
   *     when every block compiles
   */
  static List<String> compile(List<Block> blocks, String classPath) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run the tests on a JDK");
    }
    Map<URI, Block> byUri = new LinkedHashMap<>();
    List<JavaFileObject> sources = new ArrayList<>();
    for (Block b : blocks) {
      URI uri = URI.create("string:///" + b.packageName().replace('.', '/') + "/DocSnippet.java");
      byUri.put(uri, b);
      String src = b.source();
      sources.add(
          new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
              return src;
            }
          });
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager standard =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
    JavaFileManager inMemory = new DiscardingFileManager(standard);
    List<String> options =
        List.of(
            "-classpath",
            classPath,
            "-proc:none",
            "-implicit:none",
            "-Xlint:none",
            "-nowarn",
            "-Xmaxerrs",
            "100000");
    javac.getTask(null, inMemory, diagnostics, options, null, sources).call();
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      Block b = d.getSource() == null ? null : byUri.get(d.getSource().toUri());
      String message = d.getMessage(Locale.ROOT).replace("\n", " | ");
      if (b == null) {
        errors.add("(no block): " + message);
      } else {
        long at = d.getLineNumber() == Diagnostic.NOPOS ? b.line() : b.line() + d.getLineNumber();
        errors.add(b.file() + ":" + at + ": (```java block at line " + b.line() + ") " + message);
      }
    }
    return errors;
  }

  /** Keeps class files in memory and drops them: the snippets need only to compile. */
  private static final class DiscardingFileManager
      extends ForwardingJavaFileManager<StandardJavaFileManager> {
    DiscardingFileManager(StandardJavaFileManager standard) {
      super(standard);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        JavaFileManager.Location location,
        String className,
        JavaFileObject.Kind kind,
        FileObject sibling) {
      return new SimpleJavaFileObject(
          URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
        @Override
        public OutputStream openOutputStream() {
          return new ByteArrayOutputStream();
        }
      };
    }
  }
}
