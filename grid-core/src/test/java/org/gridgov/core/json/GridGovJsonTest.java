package org.gridgov.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.LevelLadder;
import org.gridgov.core.access.Principal;
import org.gridgov.core.access.Role;
import org.gridgov.core.cases.Assessment;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.CaseAction;
import org.gridgov.core.cases.CaseId;
import org.gridgov.core.cases.Holder;
import org.gridgov.core.cases.Rating;
import org.gridgov.core.cases.SourceChannel;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.TimeLimitTable;
import org.gridgov.core.time.TimeLimits;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridGovJsonTest {
  @TempDir Path dir;

  static GridHierarchy city() {
    return GridHierarchy.builder()
        .add(Grid.territorial("street", GridLevel.STREET).name("人民路街道").households(12000).build())
        .add(
            Grid.territorial("41010200100300", GridLevel.COMMUNITY)
                .parent("street")
                .validFrom(LocalDate.of(2024, 1, 1))
                .attributes(Map.of("landUse", "residential"))
                .build())
        .add(
            Grid.exclusive(GridId.of("market"), GridLevel.COMPOUND, GridId.of("street"))
                .coverage(List.of(GridId.of("41010200100300")))
                .population(300)
                .build())
        .build();
  }

  @Test
  void hierarchiesRoundTrip() throws Exception {
    GridHierarchy h = city();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GridGovJson.writeHierarchy(h, out);
    GridHierarchy back =
        GridGovJson.readHierarchy(new ByteArrayInputStream(out.toByteArray()), "mem");
    assertThat(back.grids()).isEqualTo(h.grids());
    assertThat(back.ladder()).isEqualTo(h.ladder());
    Path f = dir.resolve("h.json");
    Files.writeString(f, GridGovJson.toJson(h));
    assertThat(GridGovJson.readHierarchy(f).grids()).isEqualTo(h.grids());
  }

  @Test
  void attributesAreWrittenInKeyOrderWhateverOrderTheyCameIn() {
    Map<String, String> attrs = new java.util.LinkedHashMap<>();
    for (String k : List.of("zeta", "alpha", "mu", "beta", "omega", "kappa")) {
      attrs.put(k, k.toUpperCase(java.util.Locale.ROOT));
    }
    Grid g = Grid.territorial("g", GridLevel.MICRO).attributes(attrs).build();
    assertThat(g.attributes().keySet())
        .containsExactly("alpha", "beta", "kappa", "mu", "omega", "zeta");
    assertThat(GridGovJson.toJson(g))
        .containsSubsequence("alpha", "beta", "kappa", "mu", "omega", "zeta");
    Case c = fullCase().withAttributes(attrs);
    assertThat(c.attributes().keySet())
        .containsExactly("alpha", "beta", "kappa", "mu", "omega", "zeta");
    assertThat(GridGovJson.readCase(GridGovJson.toJsonLine(c))).isEqualTo(c);
  }

  @Test
  void malformedJsonNamesFileLineAndColumn() throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, "{\n  \"grids\": [\n    {\"id\": \"a\" \"level\": \"street\"}\n  ]\n}\n");
    assertThatThrownBy(() -> GridGovJson.readHierarchy(f))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> {
              InvalidInputException ie = (InvalidInputException) e;
              assertThat(ie.source()).contains(f.toString());
              assertThat(ie.line()).hasValue(3);
              assertThat(ie.column()).isPresent();
            })
        .hasMessageStartingWith(f + ":3:");
  }

  @Test
  void badValuesNameTheirJsonPointer() throws Exception {
    assertPointer(
        "{\"grids\": [{\"id\": \"a\", \"level\": \"street\"}, {\"id\": \"b c\", \"level\": \"community\"}]}",
        "/grids/1/id");
    assertPointer(
        "{\"grids\": [{\"id\": \"a\", \"level\": \"street\", \"parnet\": \"x\"}]}",
        "/grids/0/parnet");
    assertPointer(
        "{\"grids\": [{\"id\": \"a\", \"level\": \"street\", \"households\": 1.5}]}",
        "/grids/0/households");
    assertPointer(
        "{\"grids\": [{\"id\": \"a\", \"level\": \"street\", \"kind\": \"mall\"}]}",
        "/grids/0/kind");
    assertPointer(
        "{\"grids\": [{\"id\": \"a\", \"level\": \"street\", \"validFrom\": \"2026-13-01\"}]}",
        "/grids/0/validFrom");
    assertPointer("{\"grids\": [{\"level\": \"street\"}]}", "/grids/0/id");
    assertPointer("{\"ladder\": [\"a\", \"a\"], \"grids\": []}", "/ladder");
    assertPointer("{}", "/grids");
  }

  private void assertPointer(String json, String pointer) throws Exception {
    Path f = Files.writeString(dir.resolve("p.json"), json);
    assertThatThrownBy(() -> GridGovJson.readHierarchy(f))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).pointer()).contains(pointer))
        .hasMessageContaining(f.toString());
  }

  @Test
  void structuralProblemsAreAllListedWithTheirPointers() throws Exception {
    String json =
        "{\"grids\": ["
            + "{\"id\": \"s\", \"level\": \"street\"},"
            + "{\"id\": \"c\", \"level\": \"community\", \"parent\": \"nope\"},"
            + "{\"id\": \"m\", \"level\": \"compound\", \"kind\": \"exclusive\"}]}";
    Path f = Files.writeString(dir.resolve("s.json"), json);
    assertThatThrownBy(() -> GridGovJson.readHierarchy(f))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("2 structural problems")
        .hasMessageContaining("/grids/1 grid c has unknown parent nope")
        .hasMessageContaining("/grids/2 exclusive grid m has no owner");
    HierarchyDocument doc = GridGovJson.readHierarchyDocument(f);
    assertThat(doc.problems()).hasSize(2);
    assertThat(doc.grids().get(2).kind()).isEqualTo(GridKind.EXCLUSIVE);
  }

  static Case fullCase() {
    Instant t0 = Instant.parse("2026-05-06T02:00:00Z");
    return Case.report(CaseId.of("K-77"), "03012", SourceChannel.APP_PHOTO, t0)
        .location(GeoPoint.of(113.6521, 34.7466))
        .grid(GridId.of("41010200100301"))
        .reporter("u-5")
        .urgent(true)
        .risk(RiskColour.YELLOW)
        .element(ElementType.PLACES)
        .deadline(t0.plus(Duration.ofHours(4)))
        .assessment(Assessment.builder().worker("w-3").department("urban-management").build())
        .build()
        .apply(CaseAction.FILE, "centre", t0.plusSeconds(60), "")
        .dispatch(
            "centre",
            t0.plusSeconds(120),
            Holder.grid(GridId.of("41010200100301"), GridLevel.COMPOUND),
            "auto")
        .apply(CaseAction.ACCEPT, "w-3", t0.plusSeconds(600), "")
        .apply(CaseAction.FEED_BACK, "w-3", t0.plusSeconds(3600), "done")
        .apply(CaseAction.VERIFY, "inspector", t0.plusSeconds(4000), "")
        .apply(CaseAction.CLOSE, "centre", t0.plusSeconds(4100), "")
        .evaluate("hotline", t0.plusSeconds(90000), Rating.SATISFIED, "");
  }

  @Test
  void casesRoundTripAsJsonLines() {
    Case c = fullCase();
    String line = GridGovJson.toJsonLine(c);
    assertThat(line)
        .doesNotContain("\n")
        .contains("\"channel\":\"app_photo\"")
        .contains("\"state\":\"evaluated\"");
    assertThat(GridGovJson.readCase(line)).isEqualTo(c);
    StringWriter w = new StringWriter();
    GridGovJson.writeCases(List.of(c, c), w);
    assertThat(GridGovJson.readCases(new StringReader(w.toString()), "mem")).containsExactly(c, c);
  }

  @Test
  void badCaseLinesNameTheirLineAndPointer() {
    String good = GridGovJson.toJsonLine(fullCase());
    String text =
        good
            + "\n\n"
            + "{\"id\": \"x\", \"item\": \"1\", \"channel\": \"fax\", \"reportedAt\": \"2026-01-01T00:00:00Z\"}\n";
    assertThatThrownBy(() -> GridGovJson.readCases(new StringReader(text), "cases.jsonl"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("cases.jsonl:3: /channel: unknown value 'fax'");
    String broken = good + "\n{\"id\": \n";
    assertThatThrownBy(() -> GridGovJson.readCases(new StringReader(broken), "cases.jsonl"))
        .hasMessageStartingWith("cases.jsonl:2:")
        .hasMessageContaining("malformed JSON");
    String badTrail =
        "{\"id\":\"x\",\"item\":\"1\",\"channel\":\"patrol\",\"reportedAt\":\"2026-01-01T00:00:00Z\","
            + "\"trail\":[{\"action\":\"close\",\"from\":\"reported\",\"to\":\"closed\",\"at\":\"2026-01-01T01:00:00Z\"}]}";
    assertThatThrownBy(() -> GridGovJson.readCase(badTrail))
        .hasMessageContaining("/trail")
        .hasMessageContaining("CLOSE cannot lead");
    String badLon =
        "{\"id\":\"x\",\"item\":\"1\",\"channel\":\"patrol\",\"reportedAt\":\"2026-01-01T00:00:00Z\",\"lon\":200,\"lat\":30}";
    assertThatThrownBy(() -> GridGovJson.readCase(badLon)).hasMessageContaining("/lon");
  }

  @Test
  void calendarsTimeLimitsAndPrincipalsRoundTrip() throws Exception {
    WorkCalendar cal =
        WorkCalendar.builder(ZoneId.of("Asia/Shanghai"))
            .holidays(List.of(LocalDate.of(2026, 10, 1)))
            .makeUpDays(List.of(LocalDate.of(2026, 10, 10)))
            .build();
    Path f = Files.writeString(dir.resolve("cal.json"), GridGovJson.toJson(cal));
    assertThat(GridGovJson.readCalendar(f)).isEqualTo(cal);

    TimeLimitTable table =
        new TimeLimitTable(
            Map.of(
                "01001",
                new TimeLimits(TimeLimit.workingDays(7), TimeLimit.workingHours(4)),
                "02003",
                TimeLimits.of(TimeLimit.workingHours(2))));
    Path t = Files.writeString(dir.resolve("limits.json"), GridGovJson.toJson(table));
    assertThat(GridGovJson.readTimeLimits(t)).isEqualTo(table);
    Path obj =
        Files.writeString(
            dir.resolve("obj.json"),
            "{\"limits\": {\"01001\": {\"normal\": {\"amount\": 5, \"unit\": \"working_days\"}}}}");
    assertThat(GridGovJson.readTimeLimits(obj).limit("01001", true))
        .contains(TimeLimit.workingDays(5));
    Path bad =
        Files.writeString(
            dir.resolve("bad.json"), "{\"limits\": {\"01001\": {\"normal\": \"5 weeks\"}}}");
    assertThatThrownBy(() -> GridGovJson.readTimeLimits(bad))
        .hasMessageContaining("/limits/01001/normal");

    Principal p = Principal.of("w1", Role.GRID_WORKER, GridId.of("g1"), GridId.of("g2"));
    assertThat(GridGovJson.readPrincipal(GridGovJson.toJson(p))).isEqualTo(p);
    assertThat(
            GridGovJson.readPrincipal("{\"id\":\"x\",\"role\":\"supervisor\",\"bindings\":[\"g\"]}")
                .role())
        .isEqualTo(Role.SUPERVISOR);
    assertThatThrownBy(
            () ->
                GridGovJson.readPrincipal("{\"id\":\"x\",\"role\":\"supervisor\",\"bindings\":[]}"))
        .hasMessageContaining("/bindings");
  }

  @Test
  void theJacksonModuleSpeaksTheSameFormats() throws Exception {
    ObjectMapper m = GridGovJson.newMapper();
    Case c = fullCase();
    assertThat(m.readValue(m.writeValueAsString(c), Case.class)).isEqualTo(c);
    GridHierarchy h = city();
    assertThat(m.readValue(m.writeValueAsString(h), GridHierarchy.class).grids())
        .isEqualTo(h.grids());
    assertThat(m.readValue("\"4 working hours\"", TimeLimit.class))
        .isEqualTo(TimeLimit.workingHours(4));
    assertThat(m.readValue("{\"lon\": 1, \"lat\": 2}", GeoPoint.class))
        .isEqualTo(GeoPoint.of(1, 2));
    assertThatThrownBy(() -> m.readValue("{\"id\":\"a b\",\"level\":\"x\"}", Grid.class))
        .hasMessageContaining("/id");
  }

  // ---- properties

  Gen<Grid> grids() {
    Gen<String> ids = Gens.strings("abcxyz019-_.", 1, 12);
    return Gens.combine(
        ids,
        Gens.elements(LevelLadder.defaults().levels()),
        Gens.combine(
            Gens.optionals(Gens.integers(0, 100_000)),
            Gens.optionals(Gens.integers(0, 3650)),
            Gens.strings("名称abc ", 0, 8),
            (hh, days, name) -> new Object[] {hh, days, name}),
        (id, level, extra) -> {
          @SuppressWarnings("unchecked")
          var hh = (java.util.Optional<Integer>) extra[0];
          @SuppressWarnings("unchecked")
          var days = (java.util.Optional<Integer>) extra[1];
          Grid.Builder b = Grid.territorial(id, level).name((String) extra[2]);
          hh.ifPresent(b::households);
          days.ifPresent(
              d ->
                  b.validFrom(LocalDate.of(2020, 1, 1))
                      .validTo(LocalDate.of(2020, 1, 1).plusDays(d)));
          if (id.length() % 2 == 0) {
            b.attributes(Map.of("k" + id, "v"));
          }
          return b.build();
        });
  }

  @Property(tries = 200)
  void gridsRoundTrip(@ForAll("grids") Grid g) throws Exception {
    ObjectMapper m = GridGovJson.newMapper();
    assertThat(m.readValue(GridGovJson.toJson(g), Grid.class)).isEqualTo(g);
  }

  Gen<List<CaseAction>> steps() {
    return Gens.lists(Gens.enums(CaseAction.class), 0, 20);
  }

  @Property(tries = 200)
  void casesRoundTripAtEveryPointOfTheirLoop(@ForAll("steps") List<CaseAction> steps) {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    Case c = Case.report(CaseId.of("p"), "01001", SourceChannel.VIDEO_IOT, t).build();
    for (CaseAction a : steps) {
      t = t.plusSeconds(61);
      if (a.from(c.state()).isEmpty()) {
        continue;
      }
      c =
          switch (a) {
            case DISPATCH ->
                c.dispatch(
                    "d", t, Holder.grid(GridId.of("u" + c.trail().size()), GridLevel.MICRO), "");
            case ESCALATE ->
                c.escalate("d", t, Holder.office(GridId.of("up"), GridLevel.STREET), "why");
            case EVALUATE -> c.evaluate("e", t, Rating.DISSATISFIED, "");
            default -> c.apply(a, "a", t, "");
          };
      assertThat(GridGovJson.readCase(GridGovJson.toJsonLine(c))).isEqualTo(c);
    }
    assertThat(
            new String(
                GridGovJson.toJsonLine(c).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .startsWith("{\"version\":2,\"id\":\"p\"");
    assertThat(Set.of(c)).hasSize(1);
  }
}
