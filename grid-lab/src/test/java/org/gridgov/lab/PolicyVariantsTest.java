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
}
