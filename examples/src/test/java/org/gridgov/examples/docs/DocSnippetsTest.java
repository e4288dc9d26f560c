package org.gridgov.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of README.md and docs/*.md compiles against the libraries, following
 * the doc snippet convention of docs/testing.md ("Docs that compile"). All blocks are compiled in
 * one compiler call, so the test costs a couple of seconds.
 */
class DocSnippetsTest {
  private static final String CLASS_PATH = System.getProperty("java.class.path");

  @Test
  void everyJavaBlockInTheDocsCompiles() {
    Path root = DocSnippets.repositoryRoot();
    List<DocSnippets.Block> blocks = DocSnippets.extract(root, DocSnippets.markdownFiles(root));
    assertThat(blocks).as("```java blocks found in README.md and docs/").hasSizeGreaterThan(10);
    List<String> errors = DocSnippets.compile(blocks, CLASS_PATH);
    assertThat(errors)
        .as("compiler errors in the docs' ```java blocks (see the convention in docs/testing.md)")
        .isEmpty();
  }

  @Test
  void aBrokenBlockIsReportedWithItsFileLineAndMessage() {
    String md =
        String.join(
            "\n",
            "# Title",
            "",
            "```java",
            "import java.util.List;",
            "",
            "List<String> names = List.of(\"a\");",
            "int n = names.sizee();",
            "```",
            "");
    List<DocSnippets.Block> blocks = DocSnippets.extract("docs/x.md", md);
    assertThat(blocks).hasSize(1);
    assertThat(DocSnippets.compile(blocks, CLASS_PATH))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("docs/x.md:7: (```java block at line 3) cannot find symbol")
        .contains("sizee()");
  }

  @Test
  void aBlockWithoutItsImportsDoesNotCompile() {
    String md = String.join("\n", "```java", "List<String> names = List.of(\"a\");", "```");
    assertThat(DocSnippets.compile(DocSnippets.extract("README.md", md), CLASS_PATH))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e).startsWith("README.md:2: ").contains("cannot find symbol"));
  }

  @Test
  void importsAreLiftedAndStatementsBecomeAMethodBody() {
    String md =
        String.join(
            "\n",
            "```java",
            "import java.time.Duration;",
            "// a comment between imports",
            "import java.util.List;",
            "",
            "List<Duration> d = List.of(Duration.ofHours(4));",
            "if (d.isEmpty()) { throw new Exception(\"checked exceptions may be thrown\"); }",
            "```",
            "",
            "```java",
            "import java.util.List;",
            "",
            "record Pair(String a, List<String> b) {}",
            "```",
            "```java",
            "class Pair {}", // the same name in another block: each block has its own package
            "```");
    List<DocSnippets.Block> blocks = DocSnippets.extract("docs/y.md", md);
    assertThat(blocks).extracting(DocSnippets.Block::line).containsExactly(1, 10, 15);
    assertThat(blocks.get(0).isCompilationUnit()).isFalse();
    assertThat(blocks.get(0).headerLines()).isEqualTo(3);
    assertThat(blocks.get(1).isCompilationUnit()).isTrue();
    assertThat(DocSnippets.compile(blocks, CLASS_PATH)).isEmpty();
  }
}
