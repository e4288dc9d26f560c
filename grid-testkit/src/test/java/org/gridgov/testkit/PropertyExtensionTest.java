package org.gridgov.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs fixture classes through the JUnit Platform to check what a user of {@link Property} sees.
 * The fixtures only run inside these tests: their condition is switched off here and holds nowhere
 * else.
 */
class PropertyExtensionTest {

  private static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(
            "junit.jupiter.conditions.deactivate", "org.junit.*EnabledIfSystemPropertyCondition")
        .selectors(selectClass(fixture))
        .execute();
  }

  private static String failureMessage(EngineExecutionResults results) {
    List<Event> failed = results.testEvents().failed().list();
    assertThat(failed).hasSize(1);
    return failed
        .get(0)
        .getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .orElseThrow()
        .getMessage();
  }

  @Test
  void aPropertyIsOneTestThatRunsEveryTry() {
    Passing.calls.set(0);
    Passing.setUps.set(0);
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    EngineExecutionResults results;
    try {
      PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
      System.setOut(capture);
      System.setErr(capture);
      results = run(Passing.class);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    results.testEvents().assertStatistics(s -> s.started(3).succeeded(3).failed(0));
    assertThat(Passing.calls).hasValue(100 + 250);
    assertThat(Passing.setUps).hasValue(3);
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aFailingPropertyReportsSeedAndShrunkArgumentsAndTheSeedReproducesIt() {
    String message = failureMessage(run(Failing.class));
    assertThat(message)
        .startsWith("Property Failing.belowAThousand failed after ")
        .contains("Shrunk counterexample")
        .contains(" = 1000\n")
        .contains("Original counterexample")
        .contains("-Dgridgov.seed=")
        .contains("@Property(seed = ");
    long seed = Shrunk.seed(message);
    String old = System.getProperty(Settings.SEED_PROPERTY);
    try {
      System.setProperty(Settings.SEED_PROPERTY, Long.toString(seed));
      assertThat(failureMessage(run(Failing.class))).isEqualTo(message);
    } finally {
      PropertyCheckTest.restore(Settings.SEED_PROPERTY, old);
    }
  }

  @Test
  void theSeedAttributeFixesTheRun() {
    String message = failureMessage(run(FixedSeed.class));
    assertThat(message).contains("seed 42\n").contains("-Dgridgov.seed=42 ");
    assertThat(failureMessage(run(FixedSeed.class))).isEqualTo(message);
  }

  @Test
  void defaultGeneratorsInheritedStaticAndEnclosingGenerators() {
    Defaults.seen.clear();
    run(Defaults.class).testEvents().assertStatistics(s -> s.started(3).succeeded(3));
    assertThat(Defaults.seen).contains("int", "long", "double", "boolean", "String", "enum");
  }

  @Test
  void misconfigurationFailsWithAClearMessage() {
    EngineExecutionResults results = run(Misconfigured.class);
    results.testEvents().assertStatistics(s -> s.started(3).failed(3));
    List<String> messages = new ArrayList<>();
    for (Event e : results.testEvents().failed().list()) {
      messages.add(
          e.getPayload(TestExecutionResult.class)
              .flatMap(TestExecutionResult::getThrowable)
              .orElseThrow()
              .getMessage());
    }
    assertThat(messages)
        .anySatisfy(m -> assertThat(m).contains("no method nowhere()"))
        .anySatisfy(m -> assertThat(m).contains("generates java.lang.String but"))
        .anySatisfy(m -> assertThat(m).contains("No default generator for java.lang.Object"));
  }

  enum Level {
    CITY,
    DISTRICT
  }

  @EnabledIfSystemProperty(named = "gridgov.testkit.fixtures", matches = "run")
  static class Passing {
    static final AtomicInteger calls = new AtomicInteger();
    static final AtomicInteger setUps = new AtomicInteger();

    @BeforeEach
    void setUp() {
      setUps.incrementAndGet();
    }

    @Property
    void listsStayInBounds(@ForAll("lists") List<Integer> xs, TestInfo info) {
      calls.incrementAndGet();
      assertThat(info.getDisplayName()).startsWith("listsStayInBounds");
      assertThat(xs).hasSizeLessThanOrEqualTo(5).allMatch(x -> x >= 0 && x < 10);
    }

    @Property(tries = 250)
    void assumptionsDiscard(@ForAll("lists") List<Integer> xs) {
      Assumptions.assumeTrue(xs.size() % 2 == 0);
      calls.incrementAndGet();
    }

    @Test
    void ordinaryTestsAreUntouched() {
      assertThat(setUps).hasPositiveValue();
    }

    private Gen<List<Integer>> lists() {
      return Gens.lists(Gens.integers(0, 9), 0, 5);
    }
  }

  @EnabledIfSystemProperty(named = "gridgov.testkit.fixtures", matches = "run")
  static class Failing {
    @Property(tries = 500)
    void belowAThousand(@ForAll("numbers") int x) {
      assertThat(x).isLessThan(1000);
    }

    Gen<Integer> numbers() {
      return Gens.integers(0, 1_000_000);
    }
  }

  @EnabledIfSystemProperty(named = "gridgov.testkit.fixtures", matches = "run")
  static class FixedSeed {
    @Property(seed = 42)
    void belowTen(@ForAll int x) {
      assertThat(x).isLessThan(10);
    }
  }

  abstract static class Base {
    static Gen<Integer> small() {
      return Gens.integers(0, 3);
    }
  }

  @EnabledIfSystemProperty(named = "gridgov.testkit.fixtures", matches = "run")
  static class Defaults extends Base {
    static final List<String> seen = new ArrayList<>();

    @Property(tries = 20)
    void defaults(
        @ForAll int i,
        @ForAll long l,
        @ForAll double d,
        @ForAll boolean b,
        @ForAll String s,
        @ForAll Level level) {
      assertThat(s).hasSizeLessThanOrEqualTo(20);
      assertThat(level).isNotNull();
      assertThat(d).isFinite();
      seen.addAll(List.of("int", "long", "double", "boolean", "String", "enum"));
    }

    @Property(tries = 20)
    void inherited(@ForAll("small") Integer x) {
      assertThat(x).isBetween(0, 3);
    }

    @Nested
    class Inner {
      @Property(tries = 20)
      void fromEnclosingClass(@ForAll("small") int x) {
        assertThat(x).isBetween(0, 3);
      }
    }
  }

  @EnabledIfSystemProperty(named = "gridgov.testkit.fixtures", matches = "run")
  static class Misconfigured {
    @Property
    void missing(@ForAll("nowhere") int x) {}

    @Property
    void wrongType(@ForAll("words") int x) {}

    @Property
    void noDefault(@ForAll Object x) {}

    Gen<String> words() {
      return Gens.strings(0, 3);
    }
  }
}
