package org.gridgov.rules.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.Finding;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.SourceLocation;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.TimeLimits;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListsJsonTest {
  private static GovernanceLists read(String json) {
    return ListsJson.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "lists.json");
  }

  private static final String ITEM =
      "{\"code\":\"01001\",\"name\":\"暴露垃圾\",\"category\":[\"市容环境\",\"环境卫生\"],"
          + "\"level\":\"community\",\"autoDispatch\":true,"
          + "\"timeLimits\":{\"normal\":\"4 working hours\",\"urgent\":\"2 working hours\"},"
          + "\"department\":\"CG\"}";

  @Test
  void readsADocument() {
    GovernanceLists lists =
        read(
            "{\"format\":\"gridgov-lists/1\","
                + "\"departments\":[{\"id\":\"CG\",\"name\":\"城管局\",\"level\":\"city\","
                + "\"jointDuty\":true}],"
                + "\"items\":["
                + ITEM
                + "],"
                + "\"authorities\":[{\"item\":\"01001\",\"level\":\"city\",\"departments\":"
                + "[\"CG\"],\"powerType\":\"SERVICE\"}],"
                + "\"access\":[{\"item\":\"01001\",\"level\":\"community\","
                + "\"requestingDepartment\":\"CG\",\"approvingAgency\":\"CG\","
                + "\"effectiveFrom\":\"2024-01-01\",\"effectiveTo\":\"2024-03-31\","
                + "\"temporary\":true,\"announced\":true}],"
                + "\"prohibited\":[{\"item\":\"J1\",\"levels\":[\"micro\"]}]}");
    Item item = lists.item("01001").orElseThrow();
    assertThat(item.timeLimits())
        .isEqualTo(new TimeLimits(TimeLimit.workingHours(4), TimeLimit.workingHours(2)));
    assertThat(item.categoryPath()).containsExactly("市容环境", "环境卫生");
    assertThat(item.majorClass()).contains("01");
    assertThat(lists.access().get(0).effectiveTo()).contains(LocalDate.of(2024, 3, 31));
    assertThat(lists.prohibited().get(0).levels()).containsExactly(GridLevel.MICRO);
    assertThat(lists.department("CG").orElseThrow().jointDuty()).isTrue();
  }

  @Test
  void anUrgentLimitDefaultsToTheNormalOne() {
    GovernanceLists lists =
        read(
            "{\"items\":[{\"code\":\"A-1\",\"name\":\"n\",\"category\":[\"c\"],\"level\":"
                + "\"street\",\"timeLimits\":{\"normal\":\"5 working days\"}}]}");
    Item item = lists.items().get(0);
    assertThat(item.timeLimits()).isEqualTo(TimeLimits.of(TimeLimit.workingDays(5)));
    assertThat(item.isStandardCode()).isFalse();
    assertThat(item.majorClass()).isEmpty();
    assertThat(item.autoDispatch()).isFalse();
  }

  @Test
  void theSampleRoundTrips() throws IOException {
    GovernanceLists sample = ListConsistencyCheckerTest.sample();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ListsJson.write(sample, out);
    GovernanceLists again =
        ListsJson.read(new ByteArrayInputStream(out.toByteArray()), "written.json");
    assertThat(again).isEqualTo(sample);
    assertThat(ListsJson.toJson(again)).isEqualTo(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void readsAFileAndNamesItInErrors(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("mine.json");
    Files.writeString(file, "{\"items\":[{\"code\":\"x\"}]}");
    assertThatThrownBy(() -> ListsJson.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ":1:11: /items/0/name: required field 'name'");
    assertThatThrownBy(() -> ListsJson.read(dir.resolve("missing.json")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("missing.json");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown top member|{\"itemz\":[]}|/itemz|unknown field 'itemz'; did you mean 'items'?",
        "items not an array|{\"items\":{}}|/items|expected an array",
        "item not an object|{\"items\":[3]}|/items/0|expected an object",
        "missing code|{\"items\":[{\"name\":\"n\"}]}|/items/0/code|required field 'code'",
        "blank name|{\"items\":[{\"code\":\"a\",\"name\":\" \"}]}|/items/0/name|blank",
        "code with space|{\"items\":[{\"code\":\"a b\",\"name\":\"n\",\"category\":[\"c\"],"
            + "\"level\":\"street\",\"timeLimits\":{\"normal\":\"1 hour\"}}]}|/items/0|white space",
        "empty category|{\"items\":[{\"code\":\"a\",\"name\":\"n\",\"category\":[]}]}"
            + "|/items/0/category|at least",
        "category not text|{\"items\":[{\"code\":\"a\",\"name\":\"n\",\"category\":[1]}]}"
            + "|/items/0/category/0|expected a string",
        "bad level|{\"items\":[{\"code\":\"a\",\"name\":\"n\",\"category\":[\"c\"],"
            + "\"level\":\" \"}]}|/items/0/level|blank",
        "bad time limit|{\"items\":[{\"code\":\"a\",\"name\":\"n\",\"category\":[\"c\"],"
            + "\"level\":\"street\",\"timeLimits\":{\"normal\":\"4 fortnights\"}}]}"
            + "|/items/0/timeLimits/normal|unknown unit",
        "typo in item|{\"items\":[{\"code\":\"a\",\"autoDispach\":true}]}"
            + "|/items/0/autoDispach|did you mean 'autoDispatch'?",
        "boolean as text|{\"departments\":[{\"id\":\"a\",\"name\":\"n\",\"level\":\"city\","
            + "\"jointDuty\":\"yes\"}]}|/departments/0/jointDuty|expected true or false",
        "bad power type|{\"authorities\":[{\"item\":\"a\",\"level\":\"city\",\"departments\":"
            + "[\"d\"],\"powerType\":\"FINE\"}]}|/authorities/0/powerType|unknown power type 'FINE'",
        "no departments|{\"authorities\":[{\"item\":\"a\",\"level\":\"city\",\"departments\":[],"
            + "\"powerType\":\"PENALTY\"}]}|/authorities/0|names no department",
        "bad date|{\"access\":[{\"item\":\"a\",\"level\":\"community\",\"requestingDepartment\":"
            + "\"d\",\"approvingAgency\":\"g\",\"effectiveFrom\":\"2024-02-30\"}]}"
            + "|/access/0/effectiveFrom|invalid date '2024-02-30'",
        "expiry before start|{\"access\":[{\"item\":\"a\",\"level\":\"community\","
            + "\"requestingDepartment\":\"d\",\"approvingAgency\":\"g\",\"effectiveFrom\":"
            + "\"2024-02-01\",\"effectiveTo\":\"2024-01-01\"}]}|/access/0/effectiveTo|before",
        "temporary without expiry|{\"access\":[{\"item\":\"a\",\"level\":\"community\","
            + "\"requestingDepartment\":\"d\",\"approvingAgency\":\"g\",\"effectiveFrom\":"
            + "\"2024-02-01\",\"temporary\":true}]}|/access/0/effectiveTo|expiry date",
        "bad prohibited level|{\"prohibited\":[{\"item\":\"a\",\"levels\":[\"ok\",\" \"]}]}"
            + "|/prohibited/0/levels/1|blank",
        "wrong format|{\"format\":\"gridgov-lists/9\"}|/format|unsupported format",
        "root not an object|[1,2]||expected an object",
      })
  void badInputNamesThePointer(String what, String json, String pointer, String reason) {
    String at = pointer == null ? "" : pointer;
    assertThatThrownBy(() -> read(json))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              // every problem is collected; the first is the one this case is about
              Finding first = e.problems().errors().get(0);
              SourceLocation l = first.location().orElseThrow();
              assertThat(l.source()).isEqualTo("lists.json");
              assertThat(l.pointer()).isEqualTo(at);
              if (!at.isEmpty()) {
                assertThat(l.line()).isPositive(); // the document's root has no line of its own
              }
              assertThat(first.message()).contains(reason);
              assertThat(first.render())
                  .matches(
                      "error [A-Z_]+ lists\\.json(:\\d+:\\d+)?"
                          + (at.isEmpty() ? "" : ": " + java.util.regex.Pattern.quote(at))
                          + ": .*");
            });
  }

  @Test
  void everyProblemIsCollectedWithItsLineAndPointer() {
    String json =
        "{\n"
            + "  \"departments\": [{\"id\": \"a\", \"name\": \"A\", \"levle\": \"city\"}],\n"
            + "  \"items\": [{\"code\": 7}, {\"code\": \"b\", \"name\": \"n\","
            + " \"category\": [\"c\"], \"level\": \"street\","
            + " \"timeLimits\": {\"normal\": \"4 fortnights\"}}],\n"
            + "  \"access\": [{\"item\": \"b\"}]\n"
            + "}";
    assertThatThrownBy(() -> read(json))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.problems().errors())
                  .extracting(f -> f.location().orElseThrow().pointer())
                  .containsExactly(
                      "/departments/0/levle",
                      "/departments/0/level",
                      "/items/0/code",
                      "/items/1/timeLimits/normal",
                      "/access/0/level");
              assertThat(e.problems().errors())
                  .extracting(f -> f.location().orElseThrow().line())
                  .containsExactly(2, 2, 3, 3, 4);
              assertThat(e.problems().errors().get(0).message())
                  .isEqualTo("unknown field 'levle'; did you mean 'level'?");
              assertThat(e.problems().errors().get(0).code()).isEqualTo("UNKNOWN_NAME");
              assertThat(e.getMessage()).startsWith("lists.json: 5 problems: ");
            });
  }

  @Test
  void aDuplicateMemberIsRefusedWithItsLine() {
    assertThatThrownBy(() -> read("{\"items\": [],\n \"departments\": [],\n \"items\": []}"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.line()).hasValue(3);
              assertThat(e.column()).isNotEmpty();
              assertThat(e.getMessage())
                  .startsWith("lists.json:3:")
                  .contains("Duplicate field 'items'");
              assertThat(e.problems().errors().get(0).code()).isEqualTo("SYNTAX");
            });
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    assertThatThrownBy(() -> read("{\n  \"items\": [\n    {\"code\": }\n  ]\n}"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.line()).hasValue(3);
              assertThat(e.column()).isNotEmpty();
              assertThat(e.getMessage()).startsWith("lists.json:3:");
            });
    assertThatThrownBy(() -> read("{\"items\":[],\"items\":[]}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("items");
    assertThatThrownBy(() -> read(""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("empty");
  }

  // ---- property: whatever the writer writes, the reader reads back equal ----

  Gen<GovernanceLists> lists() {
    Gen<String> codes = Gens.strings("0123456789AB-", 1, 6);
    Gen<String> texts = Gens.strings("abc 市容环境\"\\/~é", 1, 8).filter(s -> !s.isBlank());
    Gen<GridLevel> levels =
        Gens.elements(GridLevel.CITY, GridLevel.STREET, GridLevel.COMMUNITY, GridLevel.MICRO);
    Gen<TimeLimit> limits =
        Gens.combine(
            Gens.integers(0, 40),
            Gens.elements(
                org.gridgov.core.time.TimeLimitUnit.WORKING_HOURS,
                org.gridgov.core.time.TimeLimitUnit.WORKING_DAYS,
                org.gridgov.core.time.TimeLimitUnit.CALENDAR_HOURS),
            (n, u) -> new TimeLimit(n, u));
    Gen<LocalDate> dates = Gens.integers(0, 3000).map(d -> LocalDate.of(2020, 1, 1).plusDays(d));
    Gen<Item> items =
        src ->
            new Item(
                codes.generate(src),
                texts.generate(src),
                texts.list(1, 3).generate(src),
                levels.generate(src),
                Gens.booleans().generate(src),
                new TimeLimits(limits.generate(src), limits.generate(src)),
                Gens.optionals(codes).generate(src),
                Gens.elements("", "立案").generate(src),
                Gens.elements("", "结案").generate(src));
    Gen<AccessEntry> access =
        src -> {
          LocalDate from = dates.generate(src);
          Optional<LocalDate> to =
              Gens.optionals(Gens.integers(0, 400).map(from::plusDays)).generate(src);
          return new AccessEntry(
              codes.generate(src),
              levels.generate(src),
              codes.generate(src),
              codes.generate(src),
              from,
              to,
              to.isPresent() && Gens.booleans().generate(src),
              Gens.booleans().generate(src));
        };
    return src -> {
      GovernanceLists.Builder b = GovernanceLists.builder();
      Gens.lists(
              Gens.combine(
                  codes, texts, levels, (c, t, l) -> new Department(c, t, l, c.length() > 2)),
              0,
              3)
          .generate(src)
          .forEach(b::department);
      items.list(0, 4).generate(src).forEach(b::item);
      for (int i = Gens.integers(0, 3).generate(src); i > 0; i--) {
        b.authority(
            new AuthorityEntry(
                codes.generate(src),
                levels.generate(src),
                codes.list(1, 3).generate(src),
                Gens.enums(PowerType.class).generate(src),
                Gens.elements("", "《城市绿化条例》").generate(src),
                texts.list(0, 2).generate(src)));
      }
      access.list(0, 4).generate(src).forEach(b::access);
      for (int i = Gens.integers(0, 3).generate(src); i > 0; i--) {
        b.prohibited(
            new ProhibitedEntry(
                codes.generate(src),
                Gens.elements("", "开具证明").generate(src),
                new LinkedHashSet<>(levels.list(0, 3).generate(src)),
                Gens.elements("", "减负").generate(src)));
      }
      return b.build();
    };
  }

  @Property(tries = 200)
  void whatIsWrittenReadsBackEqual(@ForAll("lists") GovernanceLists lists) {
    String json = ListsJson.toJson(lists);
    GovernanceLists again = read(json);
    assertThat(again).isEqualTo(lists);
    assertThat(ListsJson.toJson(again)).isEqualTo(json);
  }

  @Test
  void emptyListsAreAValidDocument() {
    assertThat(read("{}")).isEqualTo(GovernanceLists.empty());
    assertThat(read(ListsJson.toJson(GovernanceLists.empty()))).isEqualTo(GovernanceLists.empty());
    assertThat(GovernanceLists.empty().items()).isEqualTo(List.of());
  }
}
