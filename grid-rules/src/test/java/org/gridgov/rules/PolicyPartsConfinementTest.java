package org.gridgov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridgov.core.InvalidInputException;
import org.gridgov.rules.dispatch.Dispatcher;
import org.gridgov.rules.dispatch.EscalationLadder;
import org.gridgov.rules.lists.ListsJson;
import org.gridgov.rules.table.DecisionTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy document's part references stay under its directory unless the caller allows more. */
class PolicyPartsConfinementTest {
  @TempDir Path root;
  Path dir;

  @BeforeEach
  void writeParts() throws IOException {
    dir = Files.createDirectories(root.resolve("policy"));
    Files.writeString(dir.resolve("lists.json"), ListsJson.toJson(PolicySets.sampleLists()));
    Files.writeString(root.resolve("outside.json"), ListsJson.toJson(PolicySets.sampleLists()));
    DecisionTables.write(Dispatcher.shippedTable("2026"), dir.resolve("dispatch.json"));
    DecisionTables.write(EscalationLadder.shippedTable(), dir.resolve("escalation.json"));
  }

  private Path policy(String lists) throws IOException {
    Path p = dir.resolve("policy.json");
    Files.writeString(
        p,
        "{\"format\":\"gridgov-policy/1\",\"version\":\"2026\",\"validFrom\":\"2026-01-01\","
            + "\"lists\":\""
            + lists
            + "\",\"dispatch\":\"dispatch.json\",\"escalation\":\"escalation.json\"}");
    return p;
  }

  private Path history(String lists) throws IOException {
    Path p = dir.resolve("history.json");
    Files.writeString(
        p,
        "{\"format\":\"gridgov-policy-history/1\",\"versions\":[{\"version\":\"2026\","
            + "\"validFrom\":\"2026-01-01\",\"lists\":\""
            + lists
            + "\",\"dispatch\":\"dispatch.json\",\"escalation\":\"escalation.json\"}]}");
    return p;
  }

  @Test
  void refusesAnAbsolutePathAtItsPointerWithoutReadingIt() throws IOException {
    Path p = policy("/etc/passwd");
    assertThatThrownBy(() -> PolicySets.read(p))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.pointer()).contains("/lists");
              assertThat(e.source()).contains(p.toString());
              assertThat(e.getMessage()).contains("'/etc/passwd'").contains("outside");
              assertThat(e.getMessage()).doesNotContain("root");
            });
  }

  @Test
  void refusesDotDotClimbingOutInAPolicyAndAHistory() throws IOException {
    Path p = policy("../outside.json");
    assertThatThrownBy(() -> PolicySets.read(p))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.pointer()).contains("/lists");
              assertThat(e.getMessage()).contains("'../outside.json'").contains("outside");
            });
    Path h = history("../outside.json");
    assertThatThrownBy(() -> PolicyHistory.read(h))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.pointer()).contains("/versions/0/lists"));
  }

  @Test
  void refusesASymbolicLinkLeadingOut() throws IOException {
    try {
      Files.createSymbolicLink(dir.resolve("link.json"), root.resolve("outside.json"));
    } catch (UnsupportedOperationException | IOException e) {
      return; // no symbolic links on this file system
    }
    Path p = policy("link.json");
    assertThatThrownBy(() -> PolicySets.read(p))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.pointer()).contains("/lists");
              assertThat(e.getMessage()).contains("symbolic link");
            });
    assertThat(PolicySets.read(p, PolicySets.Parts.ANYWHERE).lists())
        .isEqualTo(PolicySets.sampleLists());
  }

  @Test
  void acceptsADotDotThatStaysInside() throws IOException {
    Path p = policy("../policy/lists.json");
    assertThat(PolicySets.read(p).lists()).isEqualTo(PolicySets.sampleLists());
  }

  @Test
  void theOptInReadsPartsAnywhere() throws IOException {
    Path p = policy("../outside.json");
    assertThat(PolicySets.read(p, PolicySets.Parts.ANYWHERE).lists())
        .isEqualTo(PolicySets.sampleLists());
    Path abs = policy(root.resolve("outside.json").toString().replace("\\", "\\\\"));
    assertThat(PolicySets.read(abs, PolicySets.Parts.ANYWHERE).lists())
        .isEqualTo(PolicySets.sampleLists());
    Path h = history("../outside.json");
    assertThat(PolicyHistory.read(h, PolicySets.Parts.ANYWHERE).latest().lists())
        .isEqualTo(PolicySets.sampleLists());
  }

  @Test
  void aForeignFileReadWithTheOptInIsQuotedOnlyBounded() throws IOException {
    String secret = "s3cret-" + "x".repeat(500) + " more";
    Files.writeString(root.resolve("secret.json"), secret);
    Path p = policy("../secret.json");
    assertThatThrownBy(() -> PolicySets.read(p, PolicySets.Parts.ANYWHERE))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.getMessage()).doesNotContain("x".repeat(100)));
  }
}
