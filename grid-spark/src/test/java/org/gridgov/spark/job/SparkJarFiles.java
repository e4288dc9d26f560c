package org.gridgov.spark.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What the {@code SparkJar*IT} tests share: the built {@code gridgov-spark.jar}, its {@code
 * spark-lib/}, the repository's sample town, and running a child JVM.
 */
final class SparkJarFiles {
  private SparkJarFiles() {}

  /**
   * The jar Failsafe names ({@code gridgov.spark.jar}). A {@code -Dtest} pattern that also matches
   * these classes runs them under Surefire, before the jar is built: they are then skipped.
   */
  static Path jar() {
    String named = System.getProperty("gridgov.spark.jar");
    assumeTrue(named != null, "SparkJar*IT run under Failsafe, after package (mvn verify)");
    Path jar = Path.of(named).toAbsolutePath();
    assertThat(jar).as("the built jar (mvn package builds it)").isRegularFile();
    return jar;
  }

  /** {@code spark-lib/} beside the jar. */
  static Path sparkLib() {
    return jar().resolveSibling("spark-lib");
  }

  /** The repository's {@code sample-town/}. */
  static Path sampleTown() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("sample-town"))) {
        return p.resolve("sample-town");
      }
    }
    throw new IllegalStateException("no sample-town/ above " + Path.of("").toAbsolutePath());
  }

  /** The jar's manifest. */
  static Manifest manifest() {
    try (JarFile jar = new JarFile(jar().toFile())) {
      return jar.getManifest();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The {@code --add-opens} list of the build's {@code spark.java.opens} (Failsafe passes it) in
   * the manifest's form: {@code java.base/java.lang java.base/java.nio ...}.
   */
  static List<String> buildOpens() {
    String opens = System.getProperty("spark.java.opens");
    assertThat(opens).as("spark.java.opens (Failsafe's systemPropertyVariables)").isNotBlank();
    List<String> out = new ArrayList<>();
    for (String option : opens.trim().split("\\s+")) {
      if (option.startsWith("--add-opens=")) {
        String target = option.substring("--add-opens=".length());
        assertThat(target).endsWith("=ALL-UNNAMED");
        out.add(target.substring(0, target.length() - "=ALL-UNNAMED".length()));
      }
    }
    return out;
  }

  /** A finished child JVM: exit code, standard output and standard error. */
  record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  /**
   * Runs {@code java ARGS...} (this JVM's {@code java}) in a directory and waits for it.
   *
   * @param dir the working directory
   * @param args the arguments of {@code java}
   * @return what it did
   */
  static Run java(Path dir, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(args));
    try {
      Path out = Files.createTempFile("gridgov-spark-it", ".out");
      Path err = Files.createTempFile("gridgov-spark-it", ".err");
      try {
        ProcessBuilder pb =
            new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError("timed out after 180 s: " + command);
        }
        return new Run(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
