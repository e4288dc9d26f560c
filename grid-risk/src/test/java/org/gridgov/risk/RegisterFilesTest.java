package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.risk.RegisterTestData.GRIDS;
import static org.gridgov.risk.RegisterTestData.csv;
import static org.gridgov.risk.RegisterTestData.jsonLines;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.Finding;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.SourceLocation;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterFilesTest {
  private static final String PERSON =
      "{\"id\":\"P-000123\",\"type\":\"person\",\"grid\":\"S01-C02-G07\",\"lon\":113.6621,"
          + "\"lat\":34.7512,\"colour\":\"red\",\"colouredOn\":\"2026-03-02\",\"name\":\"张某\","
          + "\"attributes\":{\"household\":\"H-0042\",\"address\":\"3-2-501\","
          + "\"flags\":\"elderly_alone,disabled\"}}";

  private static final LocalDate MAY = LocalDate.of(2026, 5, 1);

  /** Every located problem of a bad read, as {@code LINE POINTER: message}. */
  private static List<String> problems(Runnable read) {
    try {
      read.run();
    } catch (InvalidInputException e) {
      return e.problems().errors().stream()
          .map(
              (Finding f) -> {
                SourceLocation l = f.location().orElseThrow();
                return l.line() + " " + l.pointer() + ": " + f.message();
              })
          .toList();
    }
    throw new AssertionError("the read succeeded");
  }

  @Test
  void theDocsExampleLineReads() {
    ElementRegister r = jsonLines(PERSON + "\n");
    Element p = r.element("P-000123", MAY).orElseThrow();
    assertThat(p.type()).isEqualTo(ElementType.PEOPLE);
    assertThat(p.grid()).isEqualTo(GridId.of("S01-C02-G07"));
    assertThat(p.position()).contains(GeoPoint.of(113.6621, 34.7512));
    assertThat(p.details())
        .isEqualTo(
            new PersonDetails(
                Optional.of("H-0042"),
                Optional.of("3-2-501"),
                java.util.Set.of(PersonFlag.ELDERLY_ALONE, PersonFlag.DISABLED)));
    assertThat(p.personal())
        .containsExactlyInAnyOrder("name", "position", "household", "address", "flags");
    assertThat(r.versions("P-000123"))
        .extracting(ElementVersion::from)
        .containsExactly(ElementFiles.DEFAULT_FROM); // from defaults to the beginning
    ColourMark m = r.colour("P-000123", MAY).orElseThrow();
    assertThat(m.colour()).contains(RiskColour.RED);
    assertThat(m.source()).isEqualTo(MarkSource.MANUAL);
    assertThat(m.reason()).isEqualTo("imported from elements.jsonl:1");
    assertThat(m.by()).isEqualTo("import");
  }

  @Test
  void versionsAndColourLinesMakeTheHistory() {
    String text =
        String.join(
            "\n",
            "{\"id\":\"S1\",\"type\":\"place\",\"grid\":\"S01-C01-G01\",\"name\":\"Shop\","
                + "\"attributes\":{\"kind\":\"shop\",\"owner\":\"李某\"},\"personal\":[\"owner\"],"
                + "\"from\":\"2026-01-01\",\"colour\":\"blue\",\"colouredOn\":\"2026-01-01\"}",
            "",
            "{\"id\":\"S1\",\"type\":\"place\",\"grid\":\"S01-C01-G01\",\"name\":\"Shop\","
                + "\"attributes\":{\"kind\":\"rental\"},\"from\":\"2026-04-01\","
                + "\"colour\":\"blue\",\"colouredOn\":\"2026-01-01\"}",
            "{\"id\":\"S1\",\"colour\":\"yellow\",\"colouredOn\":\"2026-04-10\","
                + "\"colourRule\":\"places/R3\",\"colouredBy\":\"rules\",\"reviewOn\":\"2026-07-10\"}",
            "{\"id\":\"S1\",\"from\":\"2026-06-01\",\"retired\":true}");
    ElementRegister r = jsonLines(text);
    assertThat(r.element("S1", LocalDate.of(2026, 2, 1)).orElseThrow().details())
        .isEqualTo(new PlaceDetails(PlaceKind.SHOP));
    assertThat(r.element("S1", LocalDate.of(2026, 2, 1)).orElseThrow().personal())
        .containsExactly("owner");
    assertThat(r.element("S1", MAY).orElseThrow().details())
        .isEqualTo(new PlaceDetails(PlaceKind.RENTAL));
    assertThat(r.element("S1", LocalDate.of(2026, 6, 1))).isEmpty();
    // the repeated blue of line 3 is the same mark, not a second one
    assertThat(r.marks("S1")).hasSize(2);
    ColourMark yellow = r.colour("S1", MAY).orElseThrow();
    assertThat(yellow.colour()).contains(RiskColour.YELLOW);
    assertThat(yellow.source()).isEqualTo(MarkSource.RULE);
    assertThat(yellow.rule()).contains("places/R3");
    assertThat(yellow.review()).contains(LocalDate.of(2026, 7, 10));
  }

  @Test
  void aLineWithOnlyAPositionIsLocated() {
    PositionLocator locator =
        p -> p.lon() < 113.7 ? Optional.of(GridId.of("S01-C01-G01")) : Optional.empty();
    ElementReadOptions o = ElementReadOptions.defaults().withLocator(locator).withGrids(GRIDS);
    ElementRegister r =
        jsonLines(
            "{\"id\":\"O1\",\"type\":\"object\",\"lon\":113.65,\"lat\":34.75,"
                + "\"attributes\":{\"componentCode\":\"4101050102000123\"}}",
            o);
    assertThat(r.element("O1", MAY).orElseThrow().grid()).isEqualTo(GridId.of("S01-C01-G01"));
    assertThat(
            problems(
                () ->
                    jsonLines(
                        "{\"id\":\"O2\",\"type\":\"object\",\"lon\":113.9,\"lat\":34.75}", o)))
        .containsExactly("1 /lon: position 113.9,34.75 lies outside every grid of the map");
    assertThat(
            problems(
                () -> jsonLines("{\"id\":\"O2\",\"type\":\"object\",\"lon\":113.6,\"lat\":34.75}")))
        .containsExactly(
            "1 /grid: no 'grid', and no grid map to locate the position in (give 'grid' or --grids)");
  }

  @Test
  void everyBadLineIsReportedLocatedAndNothingIsRead() {
    String text =
        String.join(
            "\n",
            "{\"id\":\"A\",\"type\":\"peron\",\"grid\":\"S01-C01-G01\"}",
            "{\"id\":\"B\",\"type\":\"place\",\"grid\":\"S01-C01-G01\",\"colur\":\"red\"}",
            "{\"id\":\"C\",\"type\":\"place\",\"grid\":\"S01-C01-G01\",\"colour\":\"green\","
                + "\"colouredOn\":\"2026-01-01\"}",
            "{\"id\":\"D\",\"type\":\"place\",\"grid\":\"S01-C01-G01\",\"colour\":\"red\"}",
            "{\"id\":\"E\",\"type\":\"person\",\"grid\":\"S01-C01-G01\","
                + "\"attributes\":{\"flags\":\"key_persn\"}}",
            "{\"id\":\"F\",\"type\":\"person\",\"grid\":\"S01-C01-G01\","
                + "\"attributes\":{\"housold\":\"H1\"}}",
            "{\"id\":\"G\",\"type\":\"place\",\"grid\":\"S01-C01-G01\",\"from\":\"2026-01-01\"}",
            "{\"id\":\"G\",\"type\":\"place\",\"grid\":\"S01-C01-G01\",\"from\":\"2026-01-01\"}",
            "{\"id\":\"H\",\"type\":\"place\",\"grid\":\"S01-C01-G9\"}",
            "{\"id\":\"I\",\"type\":\"place\",\"grid\":\"S01-C01-G01\",\"lon\":113.6}",
            "{\"id\":\"J\",\"colour\":\"red\",\"colouredOn\":\"2026-01-01\"}",
            "{\"id\":\"K\",\"type\":\"place\",\"grid\":\"S01-C01-G01\",\"from\":\"2026-13-01\"}",
            "{\"id\":\"L\",\"type\":\"place\",\"grid\":\"S01-C01-G01\","
                + "\"attributes\":{\"owner\":\"x\"},\"personal\":[\"ownr\"]}",
            "{\"id\":\"M\",\"type\":\"place\",\"grid\":\"S01-C01-G01\",\"attributes\":{\"a\":[1]}}",
            "{\"id\":\"N\",\"type\":\"object\",\"grid\":\"S01-C01-G01\","
                + "\"attributes\":{\"componentCode\":\"12345\"}}",
            "not json",
            "{\"type\":\"place\",\"grid\":\"S01-C01-G01\"}",
            "{\"id\":\"Q\",\"type\":\"place\",\"grid\":\"S01-C01-G01\",\"colour\":\"red\","
                + "\"colouredOn\":\"2026-05-01\",\"reviewOn\":\"2026-04-01\"}");
    List<String> p =
        problems(() -> jsonLines(text, ElementReadOptions.defaults().withGrids(GRIDS)));
    assertThat(p)
        .containsExactly(
            "1 /type: unknown type 'peron'; did you mean 'person'?",
            "2 /colur: unknown field 'colur'; did you mean 'colour'?",
            "3 /colour: unknown colour 'green'; expected one of [blue, orange, red, yellow]",
            "4 /colouredOn: required field 'colouredOn' is missing: the date the colour was set",
            "5 /attributes/flags: unknown flag 'key_persn'; did you mean 'key_person'?",
            "6 /attributes/housold: unknown attribute 'housold' of a person; did you mean"
                + " 'household'?",
            "8 /from: element 'G' already has a version from 2026-01-01 (line 7); a new version"
                + " needs a later 'from'",
            "9 /grid: unknown grid 'S01-C01-G9'; did you mean 'S01-C01-G01'?",
            "10 /lat: 'lon' and 'lat' come together; 'lat' is missing",
            "11 /id: colour line for element 'J', which no earlier line of the file describes",
            "12 /from: expected an ISO date (YYYY-MM-DD), found '2026-13-01'",
            "13 /personal: personal field 'ownr' is neither name, position nor an attribute of"
                + " the line; did you mean 'owner'?",
            "14 /attributes/a: an attribute is a string, number or boolean, not an array",
            "15 /attributes/componentCode: '12345' is not a component code: expected 16 digits"
                + " (6-digit county code, 2-digit major and 2-digit minor category, neither 00,"
                + " 6-digit serial)",
            p.get(14), // the JSON syntax error, worded by the parser
            "17 /id: required field 'id' is missing",
            "18 /reviewOn: review date 2026-04-01 is before colouredOn 2026-05-01");
    assertThat(p.get(14)).startsWith("16 ");
  }

  @Test
  void everyUnknownMemberOfALineIsReported() {
    assertThat(
            problems(
                () ->
                    jsonLines(
                        "{\"id\":\"A\",\"tpye\":\"place\",\"gird\":\"G1\",\"colour\":\"red\"}")))
        .containsExactly(
            "1 /tpye: unknown field 'tpye'; did you mean 'type'?",
            "1 /gird: unknown field 'gird'; did you mean 'grid'?",
            "1 /colouredOn: required field 'colouredOn' is missing: the date the colour was set");
    assertThat(problems(() -> jsonLines("[1]")))
        .singleElement()
        .asString()
        .startsWith("1 : expected an object");
  }

  @Test
  void theCsvFormReadsLikeTheJsonLines() {
    String text =
        "id,type,grid,lon,lat,colour,colouredOn,name,from,attr.household,attr.flags,attr.kind\n"
            + "P-000123,person,S01-C02-G07,113.6621,34.7512,red,2026-03-02,张某,,H-0042,"
            + "\"elderly_alone,disabled\",\n"
            + "S1,place,S01-C01-G01,,,,,\"Shop, corner\",2026-01-01,,,shop\n";
    ElementRegister r = csv(text);
    ElementRegister j =
        jsonLines(
            "{\"id\":\"P-000123\",\"type\":\"person\",\"grid\":\"S01-C02-G07\",\"lon\":113.6621,"
                + "\"lat\":34.7512,\"colour\":\"red\",\"colouredOn\":\"2026-03-02\",\"name\":\"张某\","
                + "\"attributes\":{\"household\":\"H-0042\",\"flags\":\"elderly_alone,disabled\"}}\n"
                + "{\"id\":\"S1\",\"type\":\"place\",\"grid\":\"S01-C01-G01\",\"name\":\"Shop, corner\","
                + "\"from\":\"2026-01-01\",\"attributes\":{\"kind\":\"shop\"}}");
    assertThat(r.asOf(MAY)).isEqualTo(j.asOf(MAY));
    assertThat(r.colour("P-000123", MAY).orElseThrow().reason())
        .isEqualTo("imported from elements.csv:2");
  }

  @Test
  void badCsvIsLocatedByLineAndColumn() {
    assertThat(problems(() -> csv("id,type,gird\nA,place,G1\n")))
        .singleElement()
        .asString()
        .contains("did you mean 'grid'?");
    String text =
        "id,type,grid,lon,lat,attr.flags,retired\n"
            + "A,person,G1,x,1,,\n"
            + "B,person,G1,,,elderly,\n"
            + "C,person,G1,,,,yes\n"
            + "D,place,G1\n";
    assertThat(problems(() -> csv(text)))
        .containsExactly(
            "2 column lon: expected a number, found 'x'",
            "3 column attr.flags: unknown flag 'elderly'; expected one of [community_correction,"
                + " disabled, elderly_alone, key_person, left_behind_child, low_income,"
                + " released_prisoner, severe_mental_disorder]",
            "4 column retired: expected true or false, found 'yes'",
            "5 : the record has 3 fields; the header has 7");
  }

  @Test
  void csvErrorsCarryTheColumnNumber() {
    try {
      csv("id,type,grid\nA,peron,G1\n");
      throw new AssertionError("read");
    } catch (InvalidInputException e) {
      assertThat(e.line()).hasValue(2);
      assertThat(e.column()).hasValue(2);
      assertThat(e.getMessage()).contains("did you mean 'person'?");
    }
  }

  @Test
  void filesAreReadAndWrittenByTheirExtension(@TempDir Path dir) throws Exception {
    ElementRegister r = jsonLines(PERSON);
    Path csvFile = dir.resolve("out.CSV");
    Path jsonFile = dir.resolve("out.jsonl");
    ElementFiles.write(r, csvFile);
    ElementFiles.write(r, jsonFile);
    assertThat(Files.readString(csvFile)).startsWith("id,type,grid,lon,lat,colour,");
    assertThat(Files.readString(jsonFile)).startsWith("{\"id\":\"P-000123\",\"type\":\"person\"");
    for (Path f : List.of(csvFile, jsonFile)) {
      ElementRegister back = ElementFiles.read(f);
      assertThat(back.asOf(MAY)).isEqualTo(r.asOf(MAY));
      assertThat(back.marks("P-000123")).isEqualTo(r.marks("P-000123"));
    }
    assertThatThrownBy(() -> ElementFiles.read(dir.resolve("missing.jsonl")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("missing.jsonl");
  }

  @Test
  void theAsOfExportIsThePlainFormatOfThatDay() {
    ElementRegister r =
        jsonLines(
            PERSON
                + "\n{\"id\":\"P-000123\",\"colour\":\"yellow\",\"colouredOn\":\"2026-06-01\","
                + "\"colourReason\":\"improved\"}");
    String may = ElementFiles.toJsonLines(r, MAY);
    assertThat(may)
        .isEqualTo(
            "{\"id\":\"P-000123\",\"type\":\"person\",\"grid\":\"S01-C02-G07\",\"lon\":113.6621,"
                + "\"lat\":34.7512,\"name\":\"张某\",\"attributes\":{\"address\":\"3-2-501\","
                + "\"flags\":\"elderly_alone,disabled\",\"household\":\"H-0042\"},"
                + "\"colour\":\"red\",\"colouredOn\":\"2026-03-02\","
                + "\"colourReason\":\"imported from elements.jsonl:1\",\"colouredBy\":\"import\"}\n");
    assertThat(ElementFiles.toJsonLines(r, LocalDate.of(2026, 7, 1))).contains("\"yellow\"");
    // before its colour date the person is there, without a colour
    assertThat(ElementFiles.toJsonLines(r, LocalDate.of(2026, 1, 1)))
        .startsWith("{\"id\":\"P-000123\",\"type\":\"person\"")
        .doesNotContain("colour")
        .doesNotContain("from");
  }

  @Test
  void aColouredElementExistsBeforeItsColourDateWithNoColour() {
    ElementRegister r = jsonLines(PERSON);
    LocalDate before = LocalDate.of(2026, 3, 1);
    assertThat(r.element("P-000123", before)).isPresent();
    assertThat(r.colour("P-000123", before)).isEmpty();
    assertThat(r.colour("P-000123", LocalDate.of(2026, 3, 2)).orElseThrow().colour())
        .contains(RiskColour.RED);
    assertThat(r.element("P-000123", ElementFiles.DEFAULT_FROM)).isPresent();
    assertThat(r.element("P-000123", ElementFiles.DEFAULT_FROM.minusDays(1))).isEmpty();
    // the same in CSV
    ElementRegister c =
        csv("id,type,grid,colour,colouredOn\n" + "O1,object,S01-C01-G01,yellow,2026-04-01\n");
    assertThat(c.element("O1", before)).isPresent();
    assertThat(c.colour("O1", before)).isEmpty();
    assertThat(c.versions("O1"))
        .extracting(ElementVersion::from)
        .containsExactly(ElementFiles.DEFAULT_FROM);
  }

  @Test
  void aNewVersionWithoutFromIsRefusedNamingTheEarlierLine() {
    String first =
        "{\"id\":\"S1\",\"type\":\"place\",\"grid\":\"S01-C01-G01\","
            + "\"attributes\":{\"kind\":\"shop\"}}";
    // without a colour, and with one: colouredOn dates the colour, never a version
    assertThat(
            problems(
                () ->
                    jsonLines(
                        first
                            + "\n{\"id\":\"S1\",\"type\":\"place\",\"grid\":\"S01-C01-G01\","
                            + "\"attributes\":{\"kind\":\"rental\"}}\n"
                            + "{\"id\":\"S1\",\"type\":\"place\",\"grid\":\"S01-C01-G01\","
                            + "\"colour\":\"red\",\"colouredOn\":\"2026-02-01\"}")))
        .containsExactly(
            "2 /from: a new version of 'S1' needs 'from' (line 1 describes it already;"
                + " 'colouredOn' dates only the colour)",
            "3 /from: a new version of 'S1' needs 'from' (line 1 describes it already;"
                + " 'colouredOn' dates only the colour)");
    assertThat(
            problems(
                () ->
                    csv(
                        "id,type,grid,from\n"
                            + "S1,place,S01-C01-G01,2026-01-01\n"
                            + "S1,place,S01-C01-G01,\n")))
        .singleElement()
        .asString()
        .startsWith("3 column from")
        .contains("a new version of 'S1' needs 'from' (line 2 describes it already");
    // a colour line (no type) still adds a mark to the element without a new version
    ElementRegister r =
        jsonLines(first + "\n{\"id\":\"S1\",\"colour\":\"red\",\"colouredOn\":\"2026-02-01\"}");
    assertThat(r.versions("S1")).hasSize(1);
    assertThat(r.colour("S1", LocalDate.of(2026, 2, 1)).orElseThrow().colour())
        .contains(RiskColour.RED);
    assertThat(r.colour("S1", LocalDate.of(2026, 1, 31))).isEmpty();
  }

  @Test
  void theWritersLeaveOutOnlyTheFromTheReaderDefaultsTo() {
    ElementRegister r =
        jsonLines(
            String.join(
                "\n",
                "{\"id\":\"S1\",\"type\":\"place\",\"grid\":\"S01-C01-G01\"}",
                "{\"id\":\"S1\",\"type\":\"place\",\"grid\":\"S01-C01-G01\",\"name\":\"B\","
                    + "\"from\":\"2026-04-01\"}",
                "{\"id\":\"S2\",\"type\":\"place\",\"grid\":\"S01-C01-G01\","
                    + "\"from\":\"1999-12-31\"}"));
    String all = ElementFiles.toJsonLines(r);
    assertThat(all.lines())
        .containsExactly(
            "{\"id\":\"S1\",\"type\":\"place\",\"grid\":\"S01-C01-G01\"}",
            "{\"id\":\"S1\",\"type\":\"place\",\"grid\":\"S01-C01-G01\",\"name\":\"B\","
                + "\"from\":\"2026-04-01\"}",
            "{\"id\":\"S2\",\"type\":\"place\",\"grid\":\"S01-C01-G01\","
                + "\"from\":\"1999-12-31\"}");
    assertThat(ElementFiles.toJsonLines(r, MAY)).contains("\"from\":\"2026-04-01\"");
    assertThat(ElementFiles.toCsv(r, LocalDate.of(2026, 3, 1)).lines())
        .contains(
            "S1,place,S01-C01-G01,,,,,,,,,,,,,", "S2,place,S01-C01-G01,,,,,,1999-12-31,,,,,,,");
    for (LocalDate d : List.of(LocalDate.of(2026, 3, 1), MAY)) {
      assertThat(jsonLines(ElementFiles.toJsonLines(r, d)).asOf(d)).isEqualTo(r.asOf(d));
      assertThat(csv(ElementFiles.toCsv(r, d)).asOf(d)).isEqualTo(r.asOf(d));
    }
    assertThat(jsonLines(all).versions("S1")).isEqualTo(r.versions("S1"));
  }
}
