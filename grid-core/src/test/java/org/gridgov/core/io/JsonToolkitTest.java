package org.gridgov.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.gridgov.core.Finding;
import org.gridgov.core.InputCode;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonToolkitTest {
  @TempDir Path dir;

  /** A small format: {"name": string, "size": int, "tags": [string], "kind": "a"|"b"}. */
  record Item(String name, int size, List<String> tags) {}

  enum Kind {
    ALPHA,
    BETA
  }

  static Item item(JsonNodeAt n) {
    n.onlyKeys(Set.of("name", "size", "tags", "kind"));
    String name = n.string("name");
    int size = n.integer("size");
    n.optEnum("kind", Kind.class);
    return new Item(name, size, n.list("tags", JsonNodeAt::asString));
  }

  static List<Item> items(JsonNodeAt root) {
    root.onlyKeys(Set.of("items"));
    return root.get("items").elements(JsonToolkitTest::item);
  }

  private static InvalidInputException fails(String json, Problems.Mode mode) {
    try {
      Json.readText(json, "t.json", mode, JsonToolkitTest::items);
    } catch (InvalidInputException e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  void aNumberTooLongForTheTextBufferIsNotCalledAString() {
    String digits = "1".repeat(Json.MAX_STRING_CHARS + 10);
    assertThatThrownBy(() -> Json.parse(("{\"x\": " + digits + "}").getBytes(), "n.json"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.reason())
                  .startsWith("input over a limit: a ")
                  .contains("characters; the limit is ")
                  .doesNotContain("String value length");
              assertThat(e.pointer()).hasValue("/x");
            });
  }

  @Test
  void aLongNumberNamesItsLength() {
    assertThat(Json.limitReason("Number value length (1500) exceeds the maximum allowed (100, x)"))
        .isEqualTo("a number of 1500 characters; the limit is 100");
    // Jackson's streaming parser reports a number longer than its text buffer as a string.
    assertThat(
            Json.limitReason("String value length (4259840) exceeds the maximum allowed (4194304)"))
        .isEqualTo("a string or number of at least 4259840 characters; the limit is 4194304");
    assertThat(Json.limitReason("Document nesting depth (65) exceeds the maximum allowed (64)"))
        .isEqualTo("Document nesting depth (65) exceeds the maximum allowed (64)");
  }

  @Test
  void readsAValidDocument() {
    List<Item> got =
        Json.readText(
            "{\"items\": [{\"name\": \"a\", \"size\": 1, \"tags\": [\"x\"]}]}",
            "t.json",
            Problems.Mode.ALL_ERRORS,
            JsonToolkitTest::items);
    assertThat(got).containsExactly(new Item("a", 1, List.of("x")));
  }

  @Test
  void allErrorsModeListsEveryProblemWithLineColumnAndSuggestion() {
    String json =
        "{\"items\": [\n"
            + "  {\"name\": \"a\", \"size\": 1.5},\n"
            + "  {\"nmae\": \"b\", \"size\": 2},\n"
            + "  {\"name\": \"c\", \"size\": 3, \"kind\": \"gamma\"}\n"
            + "]}";
    InvalidInputException e = fails(json, Problems.Mode.ALL_ERRORS);
    List<Finding> errors = e.problems().errors();
    assertThat(errors)
        .extracting(Finding::code)
        .containsExactly("TYPE", "UNKNOWN_NAME", "MISSING", "UNKNOWN_NAME");
    SourceLocation size = errors.get(0).location().orElseThrow();
    assertThat(size.pointer()).isEqualTo("/items/0/size");
    assertThat(size.line()).isEqualTo(2);
    assertThat(size.column()).isEqualTo(25);
    assertThat(errors.get(1).message()).isEqualTo("unknown field 'nmae'; did you mean 'name'?");
    assertThat(errors.get(1).location().orElseThrow().line()).isEqualTo(3);
    // a missing member is placed at its object
    assertThat(errors.get(2).location().orElseThrow().pointer()).isEqualTo("/items/1/name");
    assertThat(errors.get(2).location().orElseThrow().line()).isEqualTo(3);
    assertThat(errors.get(3).message()).startsWith("unknown value 'gamma'");
    assertThat(e).hasMessageStartingWith("t.json: 4 problems: line 2, column 25: /items/0/size:");
  }

  @Test
  void firstErrorModeStopsAtTheFirstWithItsLocation() {
    InvalidInputException e =
        fails(
            "{\"items\": [\n  {\"name\": \"a\", \"size\": \"big\"},\n  {\"nmae\": 1}]}",
            Problems.Mode.FIRST_ERROR);
    assertThat(e.problems().errors()).hasSize(1);
    assertThat(e)
        .hasMessage("t.json:2:25: /items/0/size: expected a whole number, found a string \"big\"");
    assertThat(e.pointer()).contains("/items/0/size");
  }

  @Test
  void syntaxErrorsAndLimitsAreLocatedNotJacksonExceptions() {
    InvalidInputException dup = fails("{\"items\": [],\n \"items\": []}", Problems.Mode.ALL_ERRORS);
    assertThat(dup.line()).hasValue(2);
    assertThat(dup.reason()).contains("Duplicate");
    assertThat(dup.problems().all().get(0).code()).isEqualTo("SYNTAX");

    String deep = "[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1);
    InvalidInputException nest = fails(deep, Problems.Mode.FIRST_ERROR);
    assertThat(nest.problems().all().get(0).code()).isEqualTo(InputCode.LIMIT.name());
    assertThat(nest.reason()).contains("limit");

    InvalidInputException number =
        fails("{\"items\": [{\"size\": 1" + "0".repeat(200) + "}]}", Problems.Mode.FIRST_ERROR);
    assertThat(number.problems().all().get(0).code()).isEqualTo("LIMIT");
    assertThat(number.line()).hasValue(1);

    InvalidInputException trailing = fails("{\"items\": []} []", Problems.Mode.FIRST_ERROR);
    assertThat(trailing.reason()).startsWith("malformed JSON");
    assertThat(fails("", Problems.Mode.FIRST_ERROR).reason()).isEqualTo("the document is empty");
  }

  @Test
  void encodingProblemsSaySo() throws Exception {
    byte[] gbk = "{\"items\": [{\"name\": \"网格\", \"size\": 1}]}".getBytes(Charset.forName("GBK"));
    assertThatThrownBy(
            () ->
                Json.read(
                    new ByteArrayInputStream(gbk), "g.json", Problems.Mode.FIRST_ERROR, n -> n))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("g.json:1:")
        .hasMessageContaining("the file looks GBK-encoded; save it as UTF-8");
    byte[] bom = ("\uFEFF{\"items\": []}").getBytes(StandardCharsets.UTF_8);
    Path f = Files.write(dir.resolve("bom.json"), bom);
    assertThat(Json.read(f, Problems.Mode.FIRST_ERROR, JsonToolkitTest::items)).isEmpty();
  }

  @Test
  void checkReturnsFindingsInsteadOfThrowing() {
    JsonDocument doc =
        Json.parse("{\"items\": [{\"name\": \"a\"}]}".getBytes(StandardCharsets.UTF_8), "c.json");
    JsonDocument.Result<List<Item>> r = doc.check(JsonToolkitTest::items);
    assertThat(r.value()).isEmpty();
    assertThat(r.findings().errors()).hasSize(1);
    assertThat(r.findings().render())
        .isEqualTo("error MISSING c.json:1:12: /items/0/size: required field 'size' is missing");
  }

  @Test
  void gettersCheckTypesAndRanges() {
    Problems p = Problems.allErrors("g");
    JsonNodeAt n =
        JsonNodeAt.of(
            Json.parseLine(
                "{\"i\": 3000000000, \"l\": 3000000000, \"d\": 1.25, \"b\": true, \"s\": \"x\","
                    + " \"m\": {\"k\": 1}, \"e\": \"beta\", \"z\": null}",
                "g",
                1),
            "",
            p);
    assertThat(n.optInt("i")).isEmpty();
    assertThat(n.optLong("l")).hasValue(3_000_000_000L);
    assertThat(n.decimal("d")).isEqualByComparingTo("1.25");
    assertThat(n.number("d")).isEqualTo(1.25);
    assertThat(n.bool("b")).isTrue();
    assertThat(n.bool("missing", false)).isFalse();
    assertThat(n.optString("z")).isEmpty();
    assertThat(n.stringMap("m")).containsEntry("k", "1");
    assertThat(n.enumValue("e", Kind.class)).isEqualTo(Kind.BETA);
    assertThat(n.optString("s")).contains("x");
    assertThat(p.findings().errors()).hasSize(1);
    assertThat(p.findings().errors().get(0).message())
        .isEqualTo("expected a whole number, found a number 3000000000");
  }

  @Test
  void writersKeepTheHouseStyle() {
    var node = Json.newMapper().createObjectNode().put("a", 1);
    assertThat(Json.compact(node)).isEqualTo("{\"a\":1}");
    assertThat(Json.pretty(node)).isEqualTo("{\n  \"a\" : 1\n}");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Json.writePretty(node, out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Json.pretty(node));
  }
}
