package org.gridgov.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.gridgov.core.cases.CaseAction;
import org.gridgov.core.cases.CaseState;
import org.gridgov.core.cases.Holder;
import org.gridgov.core.cases.Transition;
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

  /** The repository's sample town: a vendor's directory of files, read with library API only. */
  private static final Path TOWN = SampleTown.dir(new String[0]);

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
    String out = main(() -> DispatchExample.main(new String[] {TOWN.toString()}));
    assertThat(out)
        .contains("item 01001 暴露垃圾")
        .contains("admission to grid workers: ADMITTED")
        .contains("admission of 03002: PROHIBITED")
        .contains("dispatch: tier GRID")
        // the grid tier's holder is the grid the school gate lies in, admitted at its level
        .contains("holder: grid 34188100200603 (compound)\n")
        .contains("community tier: office 341881002006 (community)")
        // Friday 16:30 + 4 working hours = the make-up Saturday before the Spring Festival, 11:00
        .contains("due 2026-02-14T11:00")
        .contains("compound → community whistles")
        .contains("street → city whistles")
        .contains("takes it");
  }

  @Test
  void firstDayExample() throws Exception {
    StringWriter text = new StringWriter();
    FirstDayExample.Result r;
    try (PrintWriter out = new PrintWriter(text)) {
      r = FirstDayExample.run(TOWN, out);
    }
    String out = text.toString();
    System.out.print(out); // kept in the surefire report for a reader
    // located in the grid the school gate lies in
    assertThat(r.closed().grid().orElseThrow().value()).isEqualTo("34188100200603");
    assertThat(out).contains("locate:   located in grid 34188100200603 (compound)");
    // dispatched to that grid's workers, admitted at their level
    Transition dispatch =
        r.closed().trail().stream()
            .filter(t -> t.action() == CaseAction.DISPATCH)
            .findFirst()
            .orElseThrow();
    assertThat(dispatch.holder()).map(Holder::kind).contains(Holder.Kind.GRID);
    assertThat(dispatch.assignee()).contains("34188100200603");
    // the whistle happened and handed the case to another unit
    assertThat(r.whistled()).isTrue();
    assertThat(r.closed().trail()).extracting(Transition::action).contains(CaseAction.ESCALATE);
    assertThat(r.closed().holder()).isPresent().isNotEqualTo(dispatch.holder());
    assertThat(out).contains("whistles");
    // closed, rated, and scored for the month
    assertThat(r.closed().state()).isEqualTo(CaseState.EVALUATED);
    assertThat(r.score().score()).isPresent();
    assertThat(out).contains("score:    grid 34188100200603 ");
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
