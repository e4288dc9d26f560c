package org.gridgov.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreditBalancesCpuTimeTest {
  private static final Pattern LINE =
      Pattern.compile(
          "(exact|general): wall \\d+ ms, cpu \\d+ ms \\([0-9.]+ us an entry; -?\\d+ ms in the"
              + " kernel\\), 3000 entries, (\\d+) residents, sum (-?\\d+), core probe (\\d+) ms");

  @Test
  void writesTheJournalThenPrintsEveryScanWithTheCoreProbe(@TempDir Path dir) throws Exception {
    Path journal = dir.resolve("j.journal");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(out, true, UTF_8));
    try {
      CreditBalancesCpuTime.main(
          new String[] {journal.toString(), "200", "3000", "1", "exact,general"});
    } finally {
      System.setOut(old);
      System.clearProperty("gridgov.credit.balances.generalScanner");
    }
    assertThat(journal).exists();
    assertThat(Files.size(journal)).isPositive();
    List<String> lines = out.toString(UTF_8).lines().toList();
    assertThat(lines.get(0)).startsWith("wrote " + Files.size(journal) + " bytes");
    assertThat(lines).hasSize(3);
    Matcher exact = LINE.matcher(lines.get(1));
    Matcher general = LINE.matcher(lines.get(2));
    assertThat(exact.matches()).as(lines.get(1)).isTrue();
    assertThat(general.matches()).as(lines.get(2)).isTrue();
    assertThat(exact.group(1)).isEqualTo("exact");
    assertThat(general.group(1)).isEqualTo("general");
    // both paths see the same residents and the same sum of balances
    assertThat(general.group(2)).isEqualTo(exact.group(2));
    assertThat(general.group(3)).isEqualTo(exact.group(3));
    assertThat(Long.parseLong(exact.group(4))).isPositive();
  }
}
