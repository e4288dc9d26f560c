package org.gridgov.spark.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMaps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code gridgov-spark.jar}'s classes load: GridGov's Jackson use works on the relocated
 * Jackson alone, and Spark always comes from the class loader's parent (the cluster's Spark under
 * {@code spark-submit}), never from {@code spark-lib/} when the parent has it.
 */
class SparkJarClassLoadingIT {
  @TempDir Path tmp;

  /** The jar copied alone into a directory: its Class-Path names files that are not there. */
  private Path jarAlone() throws Exception {
    Path alone = tmp.resolve("gridgov-spark.jar");
    Files.copy(SparkJarFiles.jar(), alone, StandardCopyOption.REPLACE_EXISTING);
    return alone;
  }

  private static Object call(
      ClassLoader loader, String type, String method, Class<?>[] parameters, Object... args)
      throws Throwable {
    Method m = loader.loadClass(type).getMethod(method, parameters);
    // as Spark runs an application: the context class loader is the one that loaded the jar
    // (Eclipse Collections finds its factories through it)
    Thread thread = Thread.currentThread();
    ClassLoader saved = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    } finally {
      thread.setContextClassLoader(saved);
    }
  }

  /**
   * The jar alone on a loader whose parent is the platform loader: no unrelocated Jackson or Guava
   * anywhere, so every use of them inside GridGov must go to the relocated copies.
   */
  @Test
  void gridGovReadsMapsAndCasesWithTheRelocatedJackson() throws Throwable {
    Path town = SparkJarFiles.sampleTown();
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {jarAlone().toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> loader.loadClass("com.fasterxml.jackson.core.JsonFactory"))
          .isInstanceOf(ClassNotFoundException.class);

      // GeoJSON grid map (Jackson streaming, FastDoubleParser on)
      Object map;
      try (InputStream in = Files.newInputStream(town.resolve("grids.geojson"))) {
        map =
            call(
                loader,
                "org.gridgov.geo.GridMaps",
                "read",
                new Class<?>[] {InputStream.class, String.class},
                in,
                "grids.geojson");
      }
      GridMap expected = GridMaps.read(town.resolve("grids.geojson"));
      assertThat(map.getClass().getClassLoader()).isSameAs(loader);
      assertThat(map.getClass().getMethod("size").invoke(map)).isEqualTo(expected.size());
      assertThat(map.toString()).isEqualTo(expected.toString());

      // cases (JSON Lines, Jackson databind)
      Path cases;
      try (var files = Files.list(town)) {
        cases =
            files
                .filter(f -> f.getFileName().toString().startsWith("cases-"))
                .findFirst()
                .orElseThrow();
      }
      Collection<?> read =
          (Collection<?>)
              call(
                  loader,
                  "org.gridgov.core.json.GridGovJson",
                  "readCases",
                  new Class<?>[] {Path.class},
                  cases);
      List<?> expectedCases = GridGovJson.readCases(cases);
      assertThat(read).hasSize(expectedCases.size()).isNotEmpty();
      assertThat(read.iterator().next().toString()).isEqualTo(expectedCases.get(0).toString());

      // a bad case: Jackson's (relocated) exception is turned into GridGov's located error, as on
      // the ordinary class path
      String bad = "{\"version\":2,\"id\":\"K1\",\"item\":";
      String message =
          assertThatThrownBy(() -> GridGovJson.readCase(bad))
              .isInstanceOf(InvalidInputException.class)
              .actual()
              .getMessage();
      assertThatThrownBy(
              () ->
                  call(
                      loader,
                      "org.gridgov.core.json.GridGovJson",
                      "readCase",
                      new Class<?>[] {String.class},
                      bad))
          .satisfies(
              e ->
                  assertThat(e.getClass().getName())
                      .isEqualTo(InvalidInputException.class.getName()))
          .hasMessage(message);
    }
  }

  /**
   * Under {@code spark-submit} the application jar is loaded by a child of the loader that holds
   * the cluster's Spark (Spark's MutableURLClassLoader, parent-first unless
   * spark.driver/executor.userClassPathFirst is set): Spark classes come from the parent even when
   * {@code spark-lib/} lies beside the jar.
   */
  @Test
  void sparkComesFromTheParentEvenWithSparkLibBesideTheJar() throws Exception {
    ClassLoader withSpark = SparkJarClassLoadingIT.class.getClassLoader();
    URL parents =
        withSpark
            .loadClass("org.apache.spark.sql.SparkSession")
            .getProtectionDomain()
            .getCodeSource()
            .getLocation();
    assertThat(parents.toString()).doesNotContain("spark-lib");
    try (URLClassLoader app =
        new URLClassLoader(new URL[] {SparkJarFiles.jar().toUri().toURL()}, withSpark)) {
      assertThat(
              app.loadClass("org.apache.spark.sql.SparkSession")
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation())
          .isEqualTo(parents);
    }
    // with a parent without Spark, spark-lib/ beside the jar is what java -jar finds
    try (URLClassLoader alone =
        new URLClassLoader(
            new URL[] {SparkJarFiles.jar().toUri().toURL()},
            ClassLoader.getPlatformClassLoader())) {
      assertThat(
              alone
                  .loadClass("org.apache.spark.sql.SparkSession")
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toString())
          .contains("/spark-lib/spark-sql_2.12-");
    }
  }

  /** The jar without spark-lib/ beside it (as on a cluster): the missing entries are ignored. */
  @Test
  void missingClassPathEntriesAreIgnored() throws Exception {
    try (URLClassLoader alone =
        new URLClassLoader(
            new URL[] {jarAlone().toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      assertThat(alone.loadClass(SparkJob.class.getName()).getClassLoader()).isSameAs(alone);
      assertThatThrownBy(() -> alone.loadClass("org.apache.spark.sql.SparkSession"))
          .isInstanceOf(ClassNotFoundException.class);
    }
  }
}
