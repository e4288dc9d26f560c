package org.gridgov.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing child JVM ({@code kill -9}) at random points, several times, and checks that
 * recovery gives exactly a prefix of what the child wrote that holds every entry the child was told
 * was committed, with no torn record visible.
 */
class JournalCrashTest {
  private static final int ROUNDS = 4;

  @TempDir Path dir;

  @Test
  void recoveryAfterAKillKeepsEveryCommittedEntryAndNothingTorn() throws Exception {
    Path journal = dir.resolve("crash.journal");
    long seed = System.nanoTime();
    Random random = new Random(seed);
    long reportedSoFar = 0;
    for (int round = 0; round < ROUNDS; round++) {
      String why = "round " + round + " of seed " + seed;
      Process child = start(journal, random.nextLong());
      long reported = reportedSoFar;
      try {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        assertThat(ready).as(why).isEqualTo("ready " + (reportedSoFar + 1));
        if (round == 0) {
          // one writer across processes: the child holds the journal's lock
          assertThatThrownBy(() -> FileJournalStore.open(journal))
              .isInstanceOf(JournalLockedException.class);
        }
        int lines = 1 + random.nextInt(60);
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
      try (FileJournalStore store = FileJournalStore.open(journal)) {
        long recovered = store.nextSeq() - 1;
        assertThat(recovered)
            .as(why + ": never fewer than reported")
            .isGreaterThanOrEqualTo(reported);
        List<Entry> entries = store.entries();
        assertThat(entries)
            .as(why + ": exactly a prefix")
            .isEqualTo(StoreFixtures.entries(1, (int) recovered));
        assertThat(store.recovery().entries()).isEqualTo(recovered);
        System.out.println(
            why + ": reported " + reported + ", recovered " + recovered + ", " + store.recovery());
        reportedSoFar = recovered;
      }
    }
    assertThat(reportedSoFar).isGreaterThanOrEqualTo(ROUNDS);
  }

  private static Process start(Path journal, long seed) throws Exception {
    String classPath =
        Stream.of(System.getProperty("jdk.module.path", ""), System.getProperty("java.class.path"))
            .filter(s -> !s.isEmpty())
            .collect(Collectors.joining(File.pathSeparator));
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto",
            "-cp",
            classPath,
            JournalCrashChild.class.getName(),
            journal.toString(),
            Long.toString(seed))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }
}
