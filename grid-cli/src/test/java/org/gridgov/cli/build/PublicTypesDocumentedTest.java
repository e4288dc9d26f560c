package org.gridgov.cli.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type of the library modules has a Javadoc comment saying what it is for. javac's
 * doclint checks that comments are well-formed; this checks that they exist, without doclint's
 * noise about compact record constructors.
 */
class PublicTypesDocumentedTest {
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "^\\s*public\\s+(?:(?:final|abstract|static|sealed|non-sealed|strictfp)\\s+)*"
              + "(class|interface|enum|record|@interface)\\s+(\\w+)");

  @Test
  void everyPublicTypeOfTheLibrariesHasJavadoc() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> undocumented = new ArrayList<>();
    int checked = 0;
    for (String module :
        List.of(
            "grid-core",
            "grid-geo",
            "grid-rules",
            "grid-scoring",
            "grid-testkit",
            "grid-fixtures",
            "grid-lab",
            "grid-lab-testkit")) {
      Path src = root.resolve(module).resolve("src/main/java");
      if (!Files.isDirectory(src)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(src)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          List<String> lines = Files.readAllLines(f);
          for (int i = 0; i < lines.size(); i++) {
            Matcher m = PUBLIC_TYPE.matcher(lines.get(i));
            if (m.find()) {
              checked++;
              if (!documented(lines, i)) {
                undocumented.add(root.relativize(f) + ":" + (i + 1) + " " + m.group(2));
              }
            }
          }
        }
      }
    }
    assertThat(checked).as("public types found").isGreaterThan(50);
    assertThat(undocumented).as("public types without Javadoc").isEmpty();
  }

  /** Walks up over annotations and blank lines; the type is documented if a comment ends there. */
  private static boolean documented(List<String> lines, int typeLine) {
    for (int j = typeLine - 1; j >= 0; j--) {
      String s = lines.get(j).strip();
      if (s.isEmpty() || s.startsWith("@") || s.endsWith(")") && !s.endsWith("*/")) {
        continue;
      }
      return s.endsWith("*/");
    }
    return false;
  }
}
