package org.gridgov.lab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.lab.*;
import org.gridgov.lab.testkit.ListGens;
import org.gridgov.lab.testkit.TableGens;
import org.gridgov.rules.dispatch.Dispatcher;
import org.gridgov.rules.lists.ListsJson;
import org.gridgov.rules.table.DecisionTables;
import org.gridgov.scoring.UnitKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyVariantsTest {
  @TempDir Path dir;

  private Path write(String name, String json) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, json);
    return p;
  }

  @Test
  void aVariantFileNamesItsPartsRelativeToItself() throws IOException {
    Files.writeString(
        dir.resolve("dispatch.json"), DecisionTables.toJson(TableGens.dispatchTable(5)));
    Files.writeString(
        dir.resolve("escalation.json"), DecisionTables.toJson(TableGens.escalationTable(5)));
    Files.writeString(dir.resolve("lists.json"), ListsJson.toJson(ListGens.generate(10, 3, 5)));
    Files.writeString(
        dir.resolve("limits.json"),
        "{\"format\": \"gridgov.time-limits/1\", \"limits\": {\"01001\": \"2 working days\"}}");
    Path f =
        write(
            "v.json",
            """
            {"format": "gridgov-variant/1", "name": "generated", "description": "random tables",
             "lists": "lists.json", "dispatch": "dispatch.json", "escalation": "escalation.json",
             "timeLimits": "limits.json", "timeLimitFactor": 1.5,
             "rankings": [{"kind": "department", "scheme": "builtin:tongcheng-2022"},
                          {"kind": "street", "scheme": "builtin:gbt30428-region"}]}
            """);
    PolicyVariant v = PolicyVariants.read(f);
    assertThat(v.name()).isEqualTo("generated");
    assertThat(v.description()).isEqualTo("random tables");
    assertThat(v.lists()).contains(ListGens.generate(10, 3, 5));
    assertThat(v.dispatcher().table()).isEqualTo(TableGens.dispatchTable(5));
    assertThat(v.escalation().table()).isEqualTo(TableGens.escalationTable(5));
    assertThat(v.timeLimits().limit("01001", false)).contains(TimeLimit.workingDays(2));
    assertThat(v.timeLimitFactor()).isEqualTo(1.5);
    assertThat(v.rankings())
        .extracting(Ranking::kind)
        .containsExactly(UnitKind.DEPARTMENT, UnitKind.STREET);
  }

  @Test
  void aMinimalVariantHasTheDefaults() throws IOException {
    PolicyVariant v =
        PolicyVariants.read(write("m.json", "{\"format\":\"gridgov-variant/1\",\"name\":\"m\"}"));
    assertThat(v.lists()).isEmpty();
    assertThat(v.dispatcher()).isSameAs(Dispatcher.defaults());
    assertThat(v.rankings()).isEqualTo(PolicyVariant.defaultRankings());
    PolicyVariant old =
        PolicyVariants.read(
            write(
                "o.json",
                "{\"format\":\"gridgov-variant/1\",\"name\":\"o\",\"dispatch\":\"builtin:2024\",\"policy\":\"builtin\"}"));
    assertThat(old.dispatcher().table()).isEqualTo(Dispatcher.shippedTable("2024"));
    assertThat(old.lists()).isPresent();
  }

  @Test
  void aPolicyDocumentIsAVariantNamedAfterItsVersion() throws IOException {
    Files.writeString(dir.resolve("lists.json"), ListsJson.toJson(ListGens.generate(10, 3, 5)));
    Files.writeString(
        dir.resolve("d.json"), DecisionTables.toJson(Dispatcher.shippedTable("2026")));
    Files.writeString(dir.resolve("e.json"), DecisionTables.toJson(TableGens.escalationTable(1)));
    PolicyVariant v =
        PolicyVariants.read(
            write(
                "p.json",
                "{\"format\":\"gridgov-policy/1\",\"version\":\"2030\",\"validFrom\":\"2030-01-01\","
                    + "\"lists\":\"lists.json\",\"dispatch\":\"d.json\",\"escalation\":\"e.json\"}"));
    assertThat(v.name()).isEqualTo("2030");
    assertThat(v.lists()).contains(ListGens.generate(10, 3, 5));
  }

  @Test
  void badFilesFailWithFileAndPointer() throws IOException {
    assertError(
        write("a.json", "{\"format\":\"gridgov-variant/1\",\"name\":\"a\",\"colour\":1}"),
        "a.json",
        "/colour");
    assertError(write("b.json", "{\"format\":\"gridgov-variant/1\"}"), "b.json", "/name");
    assertError(
        write(
            "c.json",
            "{\"format\":\"gridgov-variant/1\",\"name\":\"c\",\"dispatch\":\"nope.json\"}"),
        "c.json",
        "/dispatch");
    assertError(
        write("d.json", "{\"format\":\"gridgov-variant/1\",\"name\":\"d\",\"timeLimitFactor\":-1}"),
        "d.json",
        "/timeLimitFactor");
    assertError(write("e.json", "{\"format\":\"other\"}"), "e.json", "/format");
    assertError(
        write(
            "f.json",
            "{\"format\":\"gridgov-variant/1\",\"name\":\"f\",\"rankings\":[{\"kind\":\"grid\",\"scheme\":\"builtin:tongcheng-2022\"}]}"),
        "f.json",
        "/rankings/0");
    assertError(
        write(
            "g.json",
            "{\"format\":\"gridgov-variant/1\",\"name\":\"g\",\"rankings\":[{\"kind\":\"planet\",\"scheme\":\"builtin:x\"}]}"),
        "g.json",
        "/rankings/0/kind");
    InvalidInputException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            InvalidInputException.class, () -> PolicyVariants.read(dir.resolve("h.json")));
    assertThat(e.reason()).contains("no such file");
    Path broken = write("i.json", "{\"format\": \"gridgov-variant/1\",\n \"name\": }");
    InvalidInputException m =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            InvalidInputException.class, () -> PolicyVariants.read(broken));
    assertThat(m.line()).hasValue(2);
    Path badTable = write("t.json", "{\"name\":\"x\"}");
    Path usesIt =
        write(
            "j.json", "{\"format\":\"gridgov-variant/1\",\"name\":\"j\",\"dispatch\":\"t.json\"}");
    assertThatThrownBy(() -> PolicyVariants.read(usesIt))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("t.json");
  }

  @Test
  void twoFilesMayNotNameTheSameVariant() throws IOException {
    Path a = write("a.json", "{\"format\":\"gridgov-variant/1\",\"name\":\"same\"}");
    Path b = write("b.json", "{\"format\":\"gridgov-variant/1\",\"name\":\"same\"}");
    assertThatThrownBy(() -> PolicyVariants.readAll(List.of(a, b)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("b.json")
        .hasMessageContaining("already used");
  }

  private static void assertError(Path file, String name, String pointer) {
    InvalidInputException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            InvalidInputException.class, () -> PolicyVariants.read(file));
    assertThat(e).as("error for %s", file).isNotNull();
    assertThat(e.source()).hasValueSatisfying(s -> assertThat(s).endsWith(name));
    assertThat(e.pointer()).contains(pointer);
  }
}
