package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.fixtures.CityMaker;
import org.gridgov.fixtures.CityPlan;
import org.gridgov.lab.City;
import org.gridgov.lab.CityDirectory;
import org.gridgov.lab.testkit.ListGens;
import org.gridgov.lab.testkit.TableGens;
import org.gridgov.rules.table.DecisionTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  @TempDir Path dir;
  Path city;
  Path baseline;
  Path longer;

  @BeforeEach
  void files() throws IOException {
    City c =
        City.of(
            CityMaker.generate(CityPlan.uniform(2, 2, 3), 8),
            ListGens.generate(20, 4, 8),
            WorkCalendar.standard());
    city = dir.resolve("city");
    CityDirectory.write(c, city);
    baseline =
        write("baseline.json", "{\"format\": \"gridgov-variant/1\", \"name\": \"baseline\"}");
    longer =
        write(
            "longer.json",
            "{\"format\": \"gridgov-variant/1\", \"name\": \"longer-limits\","
                + " \"description\": \"every limit one and a half times\", \"timeLimitFactor\": 1.5}");
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private CliRun simulate(String... more) {
    String[] base = {
      "simulate",
      "--city",
      city.toString(),
      "--policy",
      baseline.toString(),
      "--policy",
      longer.toString(),
      "--days",
      "10",
      "--seed",
      "3"
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return CliRun.of(args);
  }

  @Test
  void comparesTheVariantsSideBySide() {
    CliRun r = simulate();
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("Policy simulation of city: 2026-03-02 + 10 days")
        .contains("baseline baseline")
        .contains("longer-limits: every limit one and a half times")
        .contains("settled_in_grid_share")
        .contains("Ranking department:tongcheng-2022")
        .contains("rank changed vs baseline");
    String header = r.out().lines().filter(l -> l.startsWith("measure")).findFirst().orElseThrow();
    assertThat(header).contains("baseline").contains("longer-limits");
  }

  @Test
  void theSameArgumentsGiveTheSameReportInEveryFormat() throws Exception {
    assertThat(simulate().out()).isEqualTo(simulate().out());
    assertThat(simulate("--format", "csv", "--threads", "1").out())
        .isEqualTo(simulate("--format", "csv", "--threads", "2").out())
        .startsWith("variant,measure,unit,value\n");
    JsonNode json = new ObjectMapper().readTree(simulate("--format", "json").out());
    assertThat(json.get("baseline").asText()).isEqualTo("baseline");
    assertThat(json.get("variants")).hasSize(2);
    assertThat(json.at("/stream/seed").asLong()).isEqualTo(3);
    assertThat(simulate("--seed", "4").out()).isNotEqualTo(simulate().out());
  }

  @Test
  void writesTheReportToAFile() throws Exception {
    Path out = dir.resolve("report.json");
    CliRun r = simulate("--format", "json", "--out", out.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out)).isEqualTo(simulate("--format", "json").out());
  }

  @Test
  void anOutputThatIsADirectoryIsRefusedAndLeavesNoTemporaryFile() throws Exception {
    Path reports = Files.createDirectory(dir.resolve("reports"));
    List<String> before = LocateCommandTest.names(dir);

    CliRun r = simulate("--out", reports.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("gridgov: " + reports + ": ").contains("directory");
    assertThat(LocateCommandTest.names(dir)).containsExactlyInAnyOrderElementsOf(before);
    assertThat(LocateCommandTest.names(reports)).isEmpty();
  }

  @Test
  void anExistingReportIsReplacedOnlyWithForceAndKeepsItsMode() throws Exception {
    Path out = Files.writeString(dir.resolve("report.txt"), "mine");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));

    CliRun refused = simulate("--out", out.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("gridgov: " + out + ": ").contains("--force");
    assertThat(Files.readString(out)).isEqualTo("mine");

    CliRun forced = simulate("--out", out.toString(), "--force");
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(Files.readString(out)).isEqualTo(simulate().out());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo("rw-r--r--");

    Path fresh = dir.resolve("fresh.txt");
    assertThat(simulate("--out", fresh.toString()).code()).isZero();
    assertThat(Files.getPosixFilePermissions(fresh))
        .isEqualTo(Files.getPosixFilePermissions(baseline)); // created the ordinary way
  }

  @Test
  void anOutputThatIsAnInputIsRefusedNamingBoth() throws Exception {
    String policy = Files.readString(longer);
    CliRun overPolicy = simulate("--out", longer.toString(), "--force");
    assertThat(overPolicy.code()).isEqualTo(2);
    assertThat(overPolicy.err()).contains(longer.toString()).contains("input");
    assertThat(Files.readString(longer)).isEqualTo(policy);

    Path cityFile;
    try (var files = Files.list(city)) {
      cityFile = files.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
    }
    byte[] cityBytes = Files.readAllBytes(cityFile);
    CliRun overCity = simulate("--out", cityFile.toString(), "--force");
    assertThat(overCity.code()).isEqualTo(2);
    assertThat(overCity.err()).contains(cityFile.toString()).contains("input");
    assertThat(Files.readAllBytes(cityFile)).isEqualTo(cityBytes);
  }

  @Test
  void aPolicyDocumentAndGeneratedTablesWork() throws Exception {
    Files.writeString(
        dir.resolve("dispatch.json"), DecisionTables.toJson(TableGens.dispatchTable(2)));
    Path generated =
        write(
            "generated.json",
            "{\"format\": \"gridgov-variant/1\", \"name\": \"generated\", \"dispatch\": \"dispatch.json\"}");
    CliRun r =
        CliRun.of(
            "simulate",
            "--city",
            city.toString(),
            "--policy",
            baseline.toString(),
            "--policy",
            generated.toString(),
            "--days",
            "5",
            "--baseline",
            "generated");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("rank changed vs generated");
  }

  @Test
  void unusableInputFailsWithOneLineNamingTheFile() throws Exception {
    Path bad =
        write("bad.json", "{\"format\": \"gridgov-variant/1\", \"name\": \"b\", \"speed\": 3}");
    CliRun r = CliRun.of("simulate", "--city", city.toString(), "--policy", bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "gridgov: "
                + bad
                + ": /speed: unknown member; known: "
                + "description, dispatch, escalation, format, lists, name, policy, rankings, timeLimitFactor, timeLimits");
    assertThat(r.out()).isEmpty();

    CliRun noCity =
        CliRun.of(
            "simulate",
            "--city",
            dir.resolve("nowhere").toString(),
            "--policy",
            baseline.toString());
    assertThat(noCity.code()).isEqualTo(2);
    assertThat(noCity.err()).contains("nowhere").contains("not a directory");

    CliRun same =
        CliRun.of(
            "simulate",
            "--city",
            city.toString(),
            "--policy",
            baseline.toString(),
            "--policy",
            baseline.toString());
    assertThat(same.code()).isEqualTo(2);
    assertThat(same.err()).contains("already used");

    // a variant whose scheme is not in force in the simulated months: bad data in that variant's
    // file (the lab says so with an IllegalArgumentException), not an internal error
    String tongcheng;
    try (var in =
        org.gridgov.scoring.ScoringSchemes.class.getResourceAsStream(
            "schemes/tongcheng-2022.json")) {
      tongcheng = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    write(
        "old-scheme.json",
        tongcheng.replaceFirst(
            "\\{", "{\"effective\": {\"from\": \"2020-01-01\", \"to\": \"2020-12-31\"},"));
    Path old =
        write(
            "old.json",
            "{\"format\": \"gridgov-variant/1\", \"name\": \"old\","
                + " \"rankings\": [{\"kind\": \"department\", \"scheme\": \"old-scheme.json\"}]}");
    CliRun misfit =
        CliRun.of(
            "simulate",
            "--city",
            city.toString(),
            "--policy",
            baseline.toString(),
            "--policy",
            old.toString(),
            "--days",
            "3");
    assertThat(misfit.code()).as(misfit.err()).isEqualTo(2);
    assertThat(misfit.err()).startsWith("gridgov: " + old + ": variant old: scheme");
    assertThat(misfit.err().strip().lines()).hasSize(1);

    assertThat(simulate("--days", "0").code()).isEqualTo(2);
    assertThat(simulate("--baseline", "nobody").err()).contains("'nobody'");
    assertThat(simulate("--format", "xml").code()).isEqualTo(2);
  }

  @Test
  void aVendorsMapReadsWithTheGridReadOptions() throws Exception {
    String asWritten = simulate().out();
    // the vendor's file keeps each grid id in properties.code (as DataV keeps adcode), no feature
    // id
    Path grids = city.resolve(CityDirectory.GRIDS);
    ObjectMapper json = new ObjectMapper();
    JsonNode map = json.readTree(grids.toFile());
    for (JsonNode f : map.get("features")) {
      com.fasterxml.jackson.databind.node.ObjectNode props =
          (com.fasterxml.jackson.databind.node.ObjectNode) f.get("properties");
      props.put("code", f.get("id").asText());
      props.remove("id");
      ((com.fasterxml.jackson.databind.node.ObjectNode) f).remove("id");
    }
    json.writeValue(grids.toFile(), map);

    CliRun plain = simulate();
    assertThat(plain.code()).isEqualTo(2);
    assertThat(plain.err()).contains(grids.toString()).contains("no id");

    CliRun told = simulate("--id-property", "code", "--grids-crs", "wgs84");
    assertThat(told.err()).isEmpty();
    assertThat(told.code()).isZero();
    assertThat(told.out()).isEqualTo(asWritten);

    CliRun typo = simulate("--id-property", "code", "--levels", "street,comunity,compound");
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err()).contains("did you mean");
  }
}
