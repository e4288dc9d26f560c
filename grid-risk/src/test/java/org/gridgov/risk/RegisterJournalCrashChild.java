package org.gridgov.risk;

import java.nio.file.Path;
import java.util.Random;

/**
 * The writing process of {@link RegisterJournalCrashTest}: opens the journal, prints {@code ready
 * <next seq>}, then commits batches of 1 to 6 {@link RegisterJournalFixtures#change fixture
 * changes} until killed, printing each batch's last seq after its commit returned (so every printed
 * seq is committed).
 */
public final class RegisterJournalCrashChild {
  private RegisterJournalCrashChild() {}

  /**
   * Runs until killed.
   *
   * @param args the journal file and a random seed
   */
  public static void main(String[] args) {
    Random random = new Random(Long.parseLong(args[1]));
    try (RegisterJournal journal = RegisterJournal.open(Path.of(args[0]))) {
      System.out.println("ready " + (journal.lastSeq() + 1));
      System.out.flush();
      while (true) {
        long next = journal.lastSeq() + 1;
        int n = 1 + random.nextInt(6);
        long last = journal.commit(RegisterJournalFixtures.changes(next, n));
        System.out.println(last);
        System.out.flush();
      }
    }
  }
}
