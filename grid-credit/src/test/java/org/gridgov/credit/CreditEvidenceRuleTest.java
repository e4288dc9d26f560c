package org.gridgov.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.credit.CreditFixtures.at;
import static org.gridgov.credit.LedgerWorld.SEC;
import static org.gridgov.credit.LedgerWorld.W1;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.gridgov.core.InvalidInputException;
import org.gridgov.credit.EntryRefusal.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rules[].evidence}: evidence required per rule, as scheme data. */
class CreditEvidenceRuleTest {
  /** G02 requires evidence, D01 states it needs none, D02 and V01 say nothing. */
  static final String SCHEME_JSON =
      CreditFixtures.SCHEME_JSON
          .replace(
              "\"expiresAfterDays\":365,\"repairable\":false,",
              "\"expiresAfterDays\":365,\"repairable\":false,\"evidence\":true,")
          .replace(
              "\"expiresAfterDays\":180,\"repairable\":true,",
              "\"expiresAfterDays\":180,\"evidence\":false,\"repairable\":true,");

  static final CreditScheme SCHEME = read(SCHEME_JSON);

  private static CreditScheme read(String json) {
    return CreditSchemes.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "scheme.json");
  }

  private final MutableClock clock = new MutableClock(at("2026-03-02T09:00:00"));

  private CreditLedger.Builder ledger() {
    return CreditLedger.builder(new MemoryLedgerStore(), SCHEME)
        .posts(LedgerWorld.POSTS)
        .grids(LedgerWorld.GRIDS)
        .residents(LedgerWorld.RESIDENTS)
        .clock(clock);
  }

  private static Entry bare(long seq, String rule, EntryKind kind, long points) {
    return new Entry(
        seq,
        at("2026-03-02T09:00:00"),
        "r-1",
        kind,
        Optional.of(rule),
        points,
        "w1",
        OptionalLong.empty(),
        Optional.empty());
  }

  @Test
  void theMemberIsReadWrittenBackAndAbsentMeansUnstated(@TempDir Path dir) {
    assertThat(SCHEME.rule("G02").orElseThrow().evidence()).isEqualTo(PointRule.Evidence.REQUIRED);
    assertThat(SCHEME.rule("D01").orElseThrow().evidence())
        .isEqualTo(PointRule.Evidence.NOT_REQUIRED);
    assertThat(SCHEME.rule("D02").orElseThrow().evidence()).isEqualTo(PointRule.Evidence.UNSTATED);
    Path f = dir.resolve("s.json");
    CreditSchemes.write(SCHEME, f);
    assertThat(CreditSchemes.read(f)).isEqualTo(SCHEME);
    assertThat(f).content().contains("\"evidence\" : true").contains("\"evidence\" : false");
    List<String> p = problems(SCHEME_JSON.replace("\"evidence\":true", "\"evidance\":true"));
    assertThat(p).singleElement().asString().contains("did you mean 'evidence'?");
    assertThat(problems(SCHEME_JSON.replace("\"evidence\":true", "\"evidence\":\"yes\"")))
        .singleElement()
        .asString()
        .contains("/rules/1/evidence");
  }

  private static List<String> problems(String json) {
    try {
      read(json);
    } catch (InvalidInputException e) {
      return e.problems().errors().stream()
          .map(f -> f.location().orElseThrow().render() + ": " + f.message())
          .toList();
    }
    throw new AssertionError("no error");
  }

  @Test
  void replayRefusesAnEntryOfARuleThatRequiresEvidenceAtItsLine() {
    Entry ok =
        CreditFixtures.ruled(1, "2026-03-02T09:00:00", "r-1", EntryKind.RECOGNISE, "G02", 5, "w1");
    EntryLog log =
        new EntryLog(
            "ledger.jsonl", List.of(ok, bare(2, "G02", EntryKind.RECOGNISE, 5)), List.of(1, 2));
    assertThatThrownBy(() -> CreditReplay.replay(SCHEME, log, ReplayOptions.defaults()))
        .isInstanceOf(InvalidEntryException.class)
        .hasMessage(
            "ledger.jsonl:2: entry 2 (RECOGNISE): rule G02 requires evidence (the scheme's"
                + " \"evidence\": true); the entry carries none")
        .extracting(x -> ((InvalidEntryException) x).refusal().code())
        .isEqualTo(Code.EVIDENCE_MISSING);
    // rules that do not require it replay without evidence, as before
    CreditReplay r = CreditReplay.start(SCHEME, ReplayOptions.defaults());
    r.accept(bare(1, "D01", EntryKind.DEDUCT, -5));
    r.accept(bare(2, "D02", EntryKind.DEDUCT, -10));
    r.accept(bare(3, "V01", EntryKind.RECOGNISE, 2));
    assertThat(
            CreditReplay.replay(
                    CreditFixtures.scheme(),
                    List.of(bare(1, "G02", EntryKind.RECOGNISE, 5)),
                    ReplayOptions.defaults())
                .entries())
        .as("an old scheme keeps replaying identically")
        .isEqualTo(1);
  }

  @Test
  void theServiceAppliesTheSchemeAndItsOwnRequirementsOnTop() {
    CreditLedger l = ledger().build();
    Optional<String> none = Optional.empty();
    assertThat(l.recognise(W1, "r-1", "G02", 5, none).refusal().map(EntryRefusal::code))
        .contains(Code.EVIDENCE_MISSING);
    assertThat(l.deduct(W1, "r-1", "D01", -5, none).isCommitted())
        .as("the scheme says D01 needs none, over the service's deduction default")
        .isTrue();
    assertThat(l.deduct(SEC, "r-2", "D02", -10, none).refusal().map(EntryRefusal::code))
        .as("D02 states nothing: the service's default for deductions")
        .contains(Code.EVIDENCE_MISSING);
    assertThat(l.recognise(W1, "r-1", "V01", 2, none).isCommitted()).isTrue();
    CreditLedger strict = ledger().requireEvidence("D01", "V01").build();
    assertThat(strict.deduct(W1, "r-1", "D01", -5, none).refusal().map(EntryRefusal::code))
        .as("requireEvidence adds to the scheme")
        .contains(Code.EVIDENCE_MISSING);
    assertThat(strict.recognise(W1, "r-1", "V01", 2, none).refusal().map(EntryRefusal::code))
        .contains(Code.EVIDENCE_MISSING);
    CreditLedger lax = ledger().requireEvidenceForDeductions(false).build();
    assertThat(lax.deduct(SEC, "r-2", "D02", -10, none).isCommitted()).isTrue();
    assertThat(lax.recognise(W1, "r-1", "G02", 5, none).refusal().map(EntryRefusal::code))
        .as("the scheme's requirement is not service configuration")
        .contains(Code.EVIDENCE_MISSING);
  }
}
