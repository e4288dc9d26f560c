package org.gridgov.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Part files of a variant stay under its directory unless the caller allows any file. */
class PolicyVariantsTest {
  @TempDir Path root;

  private Path secret() throws IOException {
    return Files.writeString(root.resolve("secret.txt"), "hunter2 is the password\n");
  }

  private Path variant(String member, String ref) throws IOException {
    Path dir = Files.createDirectories(root.resolve("variants"));
    return Files.writeString(
        dir.resolve("v.json"),
        "{\"format\": \"gridgov-variant/1\", \"name\": \"v\", \""
            + member
            + "\": \""
            + ref.replace("\\", "\\\\")
            + "\"}");
  }

  @Test
  void partsOutsideTheVariantsDirectoryAreRefusedBeforeTheyAreRead() throws IOException {
    Path secret = secret();
    for (String member : List.of("policy", "lists", "dispatch", "escalation", "timeLimits")) {
      for (String ref : List.of("../secret.txt", secret.toString(), "sub/../../secret.txt")) {
        Path v = variant(member, ref);
        assertThatThrownBy(() -> PolicyVariants.read(v))
            .as("%s: %s", member, ref)
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("/" + member)
            .hasMessageContaining("outside the variant's directory")
            .hasMessageNotContaining("hunter2");
      }
    }
  }

  @Test
  void aSymbolicLinkOutOfTheDirectoryIsRefusedToo() throws IOException {
    Path secret = secret();
    Path v = variant("escalation", "link.json");
    Files.createSymbolicLink(v.resolveSibling("link.json"), secret);
    assertThatThrownBy(() -> PolicyVariants.read(v))
        .hasMessageContaining("symbolic link")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void theCallerMayAllowPartsAnywhere() throws IOException {
    Path secret = secret();
    Path v = variant("escalation", "../secret.txt");
    // read (and refused as a table): the caller chose to allow it
    assertThatThrownBy(() -> PolicyVariants.read(v, true))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageNotContaining("outside the variant's directory")
        .hasMessageContaining(secret.getFileName().toString());
    assertThatThrownBy(() -> PolicyVariants.readAll(List.of(v), false))
        .hasMessageContaining("outside the variant's directory");
  }

  @Test
  void partsUnderTheDirectoryStillRead() throws IOException {
    Path v = variant("escalation", "builtin");
    assertThat(PolicyVariants.read(v).name()).isEqualTo("v");
    Path missing = variant("escalation", "sub/none.json");
    assertThatThrownBy(() -> PolicyVariants.read(missing)).hasMessageContaining("no such file");
  }

  @Test
  void aPolicyDocumentsOwnPartsAreConfinedUnlessPartsMayBeAnywhere() throws IOException {
    Path dir = Files.createDirectories(root.resolve("variants"));
    Files.writeString(
        root.resolve("lists.json"),
        org.gridgov.rules.lists.ListsJson.toJson(org.gridgov.rules.PolicySets.sampleLists()));
    Path policy =
        Files.writeString(
            dir.resolve("policy.json"),
            "{\"format\": \"gridgov-policy/1\", \"version\": \"p\","
                + " \"validFrom\": \"2026-01-01\", \"lists\": \"../lists.json\","
                + " \"dispatch\": "
                + org.gridgov.rules.table.DecisionTables.toJson(
                    org.gridgov.rules.dispatch.Dispatcher.shippedTable("2026"))
                + ", \"escalation\": "
                + org.gridgov.rules.table.DecisionTables.toJson(
                    org.gridgov.rules.dispatch.EscalationLadder.shippedTable())
                + "}");
    Path v = variant("policy", "policy.json");
    for (Path file : List.of(policy, v)) {
      assertThatThrownBy(() -> PolicyVariants.read(file))
          .as("%s", file)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("/lists")
          .hasMessageContaining("outside the policy's directory");
      assertThat(PolicyVariants.read(file, true).lists().orElseThrow())
          .isEqualTo(org.gridgov.rules.PolicySets.sampleLists());
    }
  }
}
