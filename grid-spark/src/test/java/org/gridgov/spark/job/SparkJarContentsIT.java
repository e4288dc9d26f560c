package org.gridgov.spark.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code gridgov-spark.jar} holds: GridGov and its libraries without Spark, Jackson and Guava
 * relocated (Spark's own would clash), JTS under its own names (at the version Sedona carries), no
 * module descriptors or signatures; and a manifest that runs it with {@code java -jar}.
 */
class SparkJarContentsIT {
  private static final String SHADED = "org/gridgov/spark/shaded/";

  /** Entry names, with a multi-release prefix ({@code META-INF/versions/N/}) taken off. */
  private static List<String> classes;

  private static List<String> entries;

  @BeforeAll
  static void read() throws IOException {
    try (JarFile jar = new JarFile(SparkJarFiles.jar().toFile())) {
      entries = jar.stream().map(JarEntry::getName).toList();
    }
    classes =
        entries.stream()
            .filter(n -> n.endsWith(".class"))
            .map(n -> n.replaceFirst("^META-INF/versions/\\d+/", ""))
            .toList();
  }

  private static List<String> classesUnder(String prefix) {
    return classes.stream().filter(n -> n.startsWith(prefix)).toList();
  }

  @Test
  void holdsGridGovAndItsLibrariesButNoSpark() {
    for (String gridgov :
        List.of(
            "org/gridgov/spark/job/SparkJob.class",
            "org/gridgov/spark/GridGovSpark.class",
            "org/gridgov/core/GridId.class",
            "org/gridgov/geo/GridMaps.class",
            "org/gridgov/scoring/Scorer.class",
            "picocli/CommandLine.class",
            "org/eclipse/collections/api/list/ImmutableList.class")) {
      assertThat(classes).as("the jar holds %s", gridgov).contains(gridgov);
    }
    assertThat(classesUnder("org/apache/spark/")).as("Spark is provided").isEmpty();
    assertThat(classesUnder("scala/")).as("Scala comes with Spark").isEmpty();
    assertThat(classesUnder("org/apache/hadoop/")).isEmpty();
  }

  @Test
  void jacksonAndGuavaAreRelocatedEverywhere() {
    assertThat(classesUnder("com/fasterxml/")).as("unrelocated Jackson").isEmpty();
    assertThat(classesUnder("com/google/common/")).as("unrelocated Guava").isEmpty();
    assertThat(classesUnder("com/google/thirdparty/")).as("unrelocated Guava").isEmpty();
    assertThat(classes)
        .contains(SHADED + "com/fasterxml/jackson/databind/ObjectMapper.class")
        .contains(SHADED + "com/fasterxml/jackson/core/JsonFactory.class")
        .contains(SHADED + "com/google/common/collect/ImmutableList.class")
        .contains(
            SHADED
                + "com/google/common/util/concurrent/internal/InternalFutureFailureAccess.class");
    // jackson-core's multi-release classes moved with the rest (not only their contents)
    assertThat(entries)
        .filteredOn(n -> n.startsWith("META-INF/versions/") && n.endsWith(".class"))
        .isNotEmpty()
        .allSatisfy(n -> assertThat(n).matches("META-INF/versions/\\d+/" + SHADED + ".*"));
  }

  @Test
  void serviceFilesAreMergedAndRelocated() {
    List<String> services =
        entries.stream()
            .filter(n -> n.startsWith("META-INF/services/") && !n.endsWith("/"))
            .toList();
    assertThat(services)
        .contains(
            "META-INF/services/org.gridgov.spark.shaded.com.fasterxml.jackson.core.JsonFactory")
        .noneMatch(n -> n.startsWith("META-INF/services/com.fasterxml."))
        .noneMatch(n -> n.startsWith("META-INF/services/com.google.common."));
  }

  @Test
  void jtsKeepsItsNamesAtTheVersionSedonaCarries() throws IOException {
    assertThat(classes)
        .contains("org/locationtech/jts/geom/Geometry.class")
        .contains("org/locationtech/jts/index/strtree/STRtree.class");
    assertThat(classesUnder(SHADED + "org/")).as("JTS is not relocated").isEmpty();
    Properties jts = new Properties();
    try (JarFile jar = new JarFile(SparkJarFiles.jar().toFile());
        InputStream in =
            jar.getInputStream(
                jar.getEntry("META-INF/maven/org.locationtech.jts/jts-core/pom.properties"))) {
      jts.load(in);
    }
    // org.apache.sedona:sedona-spark-shaded-3.5_2.12:1.8.0 carries JTS 1.20.0 unrelocated
    assertThat(jts.getProperty("version")).isEqualTo("1.20.0");
  }

  @Test
  void noModuleDescriptorsOrSignatures() {
    assertThat(entries)
        .noneMatch(n -> n.endsWith("module-info.class"))
        .noneMatch(n -> Pattern.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)", n));
  }

  @Test
  void theManifestRunsTheJobWithTheBuildsAddOpens() {
    Attributes main = SparkJarFiles.manifest().getMainAttributes();
    assertThat(main.getValue("Main-Class")).isEqualTo(SparkJob.class.getName());
    assertThat(main.getValue("Multi-Release")).isEqualTo("true");
    List<String> opens = Arrays.asList(main.getValue("Add-Opens").split(" "));
    assertThat(opens)
        .as("Add-Opens is the build's spark.java.opens")
        .containsExactlyElementsOf(SparkJarFiles.buildOpens())
        .contains("java.base/sun.nio.ch", "java.base/java.nio", "java.base/java.lang");
  }

  @Test
  void theClassPathNamesExactlySparkLib() throws IOException {
    String classPath = SparkJarFiles.manifest().getMainAttributes().getValue("Class-Path");
    assertThat(classPath).isNotBlank();
    List<String> named = Arrays.asList(classPath.trim().split(" +"));
    assertThat(named).allSatisfy(e -> assertThat(e).startsWith("spark-lib/").endsWith(".jar"));
    List<String> present = new ArrayList<>();
    try (Stream<Path> files = Files.list(SparkJarFiles.sparkLib())) {
      files.forEach(f -> present.add("spark-lib/" + f.getFileName()));
    }
    assertThat(named)
        .as("Class-Path vs the files of spark-lib/")
        .containsExactlyInAnyOrderElementsOf(present);
    assertThat(named)
        .anyMatch(e -> e.matches("spark-lib/spark-sql_2\\.12-3\\.5\\.\\d+\\.jar"))
        .anyMatch(e -> e.matches("spark-lib/spark-core_2\\.12-3\\.5\\.\\d+\\.jar"))
        .anyMatch(e -> e.matches("spark-lib/scala-library-2\\.12\\.\\d+\\.jar"))
        // Spark's own, unrelocated Jackson: GridGov's (relocated) is compile scope, not provided
        .anyMatch(e -> e.matches("spark-lib/jackson-databind-2\\.\\d+\\.\\d+\\.jar"))
        .anyMatch(e -> e.matches("spark-lib/jackson-module-scala_2\\.12-.*\\.jar"))
        .noneMatch(e -> e.contains("guava-33"))
        .noneMatch(e -> e.contains("jts-core"))
        .noneMatch(e -> e.contains("grid-"));
  }

  @Test
  void sparkLibHoldsNoTestLibraries() throws IOException {
    try (Stream<Path> files = Files.list(SparkJarFiles.sparkLib())) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .noneMatch(n -> n.startsWith("junit"))
          .noneMatch(n -> n.startsWith("assertj"));
    }
  }
}
