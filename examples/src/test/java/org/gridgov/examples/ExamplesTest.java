package org.gridgov.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every runnable example runs, through its {@code main}, and prints what it promises. */
class ExamplesTest {
  private static String main(ThrowingMain m) throws Exception {
    PrintStream saved = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      m.run();
    } finally {
      System.setOut(saved);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  private interface ThrowingMain {
    void run() throws Exception;
  }

  @Test
  void locateExample() throws Exception {
    String out = main(() -> LocateExample.main(new String[0]));
    assertThat(out)
        .contains("gps fix: grid 34188100200603 (和平社区第3网格)")
        .contains("exclusive grids: 桐城市和平实验学校专属网格")
        .contains("app photo, converted: grid 34188100200603")
        .contains("app photo taken as WGS-84 would land in")
        .contains("— snapped")
        .contains("more than 100 m outside, refused");
  }

  @Test
  void dispatchExample() throws Exception {
    String out = main(() -> DispatchExample.main(new String[0]));
    assertThat(out)
        .contains("item 01001 暴露垃圾")
        .contains("admission to grid workers: ADMITTED")
        .contains("admission of 03002: PROHIBITED")
        .contains("dispatch: tier GRID")
        // Friday 16:30 + 4 working hours = the make-up Saturday before the Spring Festival, 11:00
        .contains("due 2026-02-14T11:00")
        .contains("compound → community whistles")
        .contains("street → city whistles");
  }

  @Test
  void decisionTableExample() throws Exception {
    String out = main(() -> DecisionTableExample.main(new String[0]));
    assertThat(out)
        .contains("table noise: 3 findings")
        .contains("ERROR OVERLAP")
        .contains("WARNING GAP")
        .contains("fired d24")
        .contains("rules did not match");
  }

  @Test
  void scoreMonthExample() throws Exception {
    String out = main(() -> ScoreMonthExample.main(new String[0]));
    assertThat(out)
        .contains("2026-03:")
        .contains("departments scored")
        .contains("last place:")
        .contains("scheme tongcheng-2022")
        .contains("supervision notice:");
  }
}
