package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a committing child JVM ({@code destroyForcibly}) at random points, several times over one
 * journal, and checks that recovery gives exactly a committed prefix: every change the child was
 * told was committed is there, in order, and nothing half-written is visible.
 */
class RegisterJournalCrashTest {
  private static final int ROUNDS = 4;

  @TempDir Path dir;

  @Test
  void recoveryAfterAKillIsExactlyACommittedPrefix() throws Exception {
    Path journal = dir.resolve("crash.journal");
    long seed = System.nanoTime();
    Random random = new Random(seed);
    long recoveredSoFar = 0;
    int torn = 0;
    for (int round = 0; round < ROUNDS; round++) {
      String why = "round " + round + " of seed " + seed;
      Process child = start(journal, random.nextLong());
      long reported = recoveredSoFar;
      try {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as(why).isEqualTo("ready " + (recoveredSoFar + 1));
        if (round == 0) {
          // one writer across processes: the child holds the journal's lock
          assertThatThrownBy(() -> RegisterJournal.open(journal))
              .isInstanceOf(RiskStoreLockedException.class);
        }
        int lines = 1 + random.nextInt(80);
        for (int i = 0; i < lines; i++) {
          String line = out.readLine();
          assertThat(line).as(why).isNotNull();
          long seq = Long.parseLong(line);
          assertThat(seq).as(why).isGreaterThan(reported);
          reported = seq;
        }
        Thread.sleep(random.nextInt(3)); // kill at a point no line marks
      } finally {
        child.destroyForcibly();
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).as(why).isTrue();
      }
      try (RegisterJournal j = RegisterJournal.open(journal)) {
        long recovered = j.lastSeq();
        assertThat(recovered)
            .as(why + ": every reported commit is kept")
            .isGreaterThanOrEqualTo(reported);
        assertThat(j.changes())
            .as(why + ": exactly a prefix")
            .isEqualTo(RegisterJournalFixtures.changes(1, (int) recovered));
        assertThat(j.recovery().records()).isEqualTo(recovered);
        RegisterJournalFixtures.assertSameState(j.replay(), j.state());
        torn += j.recovery().clean() ? 0 : 1;
        System.out.println(why + ": reported " + reported + ", " + j.recovery());
        recoveredSoFar = recovered;
      }
    }
    System.out.println("torn tails seen: " + torn + " of " + ROUNDS);
    assertThat(recoveredSoFar).isGreaterThanOrEqualTo(ROUNDS);
  }

  /** A child JVM on this test's class and module path, committing to {@code journal}. */
  private static Process start(Path journal, long seed) throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> paths = new ArrayList<>();
    for (String property : List.of("jdk.module.path", "java.class.path")) {
      String value = System.getProperty(property, "");
      if (!value.isEmpty()) {
        paths.add(value);
      }
    }
    List<String> command =
        List.of(
            java,
            "-XX:TieredStopAtLevel=1",
            "-cp",
            String.join(File.pathSeparator, paths),
            RegisterJournalCrashChild.class.getName(),
            journal.toString(),
            Long.toString(seed));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }
}
