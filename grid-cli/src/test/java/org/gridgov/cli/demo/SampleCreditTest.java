package org.gridgov.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridgov.core.Severity;
import org.gridgov.credit.CreditBook;
import org.gridgov.credit.CreditReplay;
import org.gridgov.credit.CreditScheme;
import org.gridgov.credit.Entry;
import org.gridgov.credit.EntryKind;
import org.gridgov.credit.PointRule;
import org.gridgov.credit.ReplayOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample town's credit scheme cites its sources and marks what is illustrative; its year of
 * entries holds every kind of entry, replays clean and stays small; a broken ledger is a finding.
 */
class SampleCreditTest {
  private static final SampleCity SAMPLE = Samples.bundled();

  @Test
  void theSchemeUsesThePublishedFiguresAndMarksTheRestIllustrative() {
    CreditScheme s = SAMPLE.creditScheme();
    Map<String, PointRule> rules = s.rulesByCode();
    // Rongcheng's deductions as published
    assertThat(points(rules, "D01")).isEqualTo("-20");
    assertThat(points(rules, "D02")).isEqualTo("-50");
    assertThat(points(rules, "D03")).isEqualTo("-100");
    assertThat(points(rules, "D04")).isEqualTo("-50..-5");
    for (String d : List.of("D01", "D02", "D03", "D04")) {
      assertThat(rules.get(d).basis()).startsWith("Rongcheng (Shandong) credit rules");
      assertThat(rules.get(d).repairable()).isTrue();
    }
    // Baoji's honours as published, the social organisation's 0.5 left out and said so
    List<String> honours = List.of("H01", "H02", "H03", "H04", "H05", "H06");
    assertThat(honours.stream().map(h -> points(rules, h)))
        .containsExactly("30", "20", "10", "5", "3", "1");
    honours.forEach(h -> assertThat(rules.get(h).basis()).startsWith("Baoji honours points"));
    assertThat(rules.get("H06").basis()).contains("0.5").contains("left out");
    // Tongcheng gave no numbers: every such rule says it is illustrative
    for (String t : List.of("V01", "R01", "G01")) {
      assertThat(rules.get(t).basis()).startsWith("ILLUSTRATIVE").contains("Tongcheng");
    }
    assertThat(rules.values()).allSatisfy(r -> assertThat(r.basis()).isNotBlank());
    assertThat(rules.get("V01").capPerMonth()).hasValue(20);
    assertThat(rules.get("R01").expiresAfterDays()).hasValue(180);
    assertThat(s.from()).isEqualTo("2026-01-01");
    assertThat(s.to()).isEqualTo("2026-12-31");
  }

  @Test
  void theYearHoldsEveryKindOfEntryAndReplaysCleanWithThePostsAndTheCalendar() {
    List<Entry> entries = SAMPLE.creditEntries().entries();
    Set<EntryKind> kinds = entries.stream().map(Entry::kind).collect(Collectors.toSet());
    assertThat(kinds).isEqualTo(EnumSet.allOf(EntryKind.class));
    CreditBook book =
        CreditReplay.replay(
            SAMPLE.creditScheme(),
            SAMPLE.creditEntries(),
            new ReplayOptions(
                SAMPLE.city().calendar(), Optional.of(SAMPLE.creditPosts()), Optional.empty()));
    assertThat(book.entries()).isEqualTo(entries.size());
    assertThat(book.accounts()).hasSizeGreaterThan(2000);
    // every recognition and deduction was made by someone holding a post the rule names
    for (Entry e : entries) {
      if (e.kind() == EntryKind.RECOGNISE || e.kind() == EntryKind.DEDUCT) {
        PointRule r = SAMPLE.creditScheme().rule(e.rule().orElseThrow()).orElseThrow();
        assertThat(r.recognisedBy()).anyMatch(p -> SAMPLE.creditPosts().holds(e.by(), p));
      }
    }
    // residents live in the responsibility grids, and every community has some
    Set<String> leaves = new HashSet<>();
    SAMPLE.city().leaves().forEach(g -> leaves.add(g.value()));
    Set<Object> communities = new HashSet<>();
    for (Entry e : entries) {
      assertThat(SAMPLE.gridOfResident(e.resident())).isPresent();
      assertThat(leaves).contains(SampleCredit.gridOf(e.resident()));
      communities.add(
          SAMPLE.map().hierarchy().parent(SAMPLE.gridOfResident(e.resident()).get()).get());
    }
    assertThat(communities).hasSize(23);
    // the balances fall into every level
    assertThat(book.levelCounts().keySet())
        .containsExactlyInAnyOrder("AAA", "AA", "A", "B", "C", "D");
  }

  @Test
  void theEntriesFileStaysSmall() {
    assertThat(SampleCityTest.resource(SampleCity.CREDIT_ENTRIES).getBytes(StandardCharsets.UTF_8))
        .hasSizeLessThan(2 * 1024 * 1024);
  }

  @Test
  void anEntryThatBreaksARuleIsAnErrorFindingOfTheSample(@TempDir Path dir) throws IOException {
    SampleCityTest.copyBundled(dir);
    Path file = dir.resolve(SampleCity.CREDIT_ENTRIES);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    // a volunteering recognition of 9 points, outside the rule's range 1..5
    int i = 0;
    while (!lines.get(i).contains("\"rule\":\"V01\"")) {
      i++;
    }
    lines.set(i, lines.get(i).replaceFirst("\"points\":\\d+", "\"points\":9"));
    Files.write(file, lines, StandardCharsets.UTF_8);
    int line = i + 1;
    SampleCity broken = SampleCity.read(dir);
    assertThat(broken.hasErrors()).isTrue();
    assertThat(broken.findings())
        .anySatisfy(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.code()).isEqualTo("credit/INVALID_ENTRY");
              assertThat(f.message()).contains(":" + line + ":").contains("V01");
            });
  }

  @Test
  void aResidentOutsideTheGridsIsAnErrorFindingOfTheSample(@TempDir Path dir) throws IOException {
    SampleCityTest.copyBundled(dir);
    Path file = dir.resolve(SampleCity.CREDIT_ENTRIES);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String first = SAMPLE.creditEntries().entries().get(0).resident();
    Files.writeString(
        file,
        text.replace("\"resident\":\"" + first + "\"", "\"resident\":\"99999999999999-001\""));
    SampleCity broken = SampleCity.read(dir);
    assertThat(broken.findings())
        .anySatisfy(
            f -> {
              assertThat(f.code()).isEqualTo("credit/UNKNOWN_GRID");
              assertThat(f.message()).contains("99999999999999-001");
            });
  }

  private static String points(Map<String, PointRule> rules, String code) {
    return rules.get(code).pointsText();
  }
}
