package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridgov.rules.PolicySets;
import org.gridgov.rules.lists.ListsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckListsCommandTest {
  @TempDir Path dir;

  @Test
  void theSampleListsAreConsistent() throws IOException {
    Path lists =
        Files.writeString(dir.resolve("lists.json"), ListsJson.toJson(PolicySets.sampleLists()));
    CliRun r = CliRun.of("check-lists", "--lists", lists.toString(), "--date", "2026-05-01");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "consistent: 90 items, 91 authority, 29 access and 8 prohibited entries on 2026-05-01\n");
  }

  private static final String TWO_ITEMS =
      "{\"departments\":[{\"id\":\"CG\",\"name\":\"城管\",\"level\":\"city\"}],"
          + "\"items\":["
          + "{\"code\":\"01001\",\"name\":\"暴露垃圾\",\"category\":[\"市容环境\"],\"level\":\"community\","
          + "\"autoDispatch\":true,\"timeLimits\":{\"normal\":\"4 working hours\"}},"
          + "{\"code\":\"01001\",\"name\":\"重复\",\"category\":[\"市容环境\"],\"level\":\"compound\","
          + "\"timeLimits\":{\"normal\":\"1 working day\"}}],"
          + "\"access\":[{\"item\":\"01001\",\"level\":\"community\",\"requestingDepartment\":\"CG\","
          + "\"approvingAgency\":\"CG\",\"effectiveFrom\":\"2026-01-01\",\"effectiveTo\":\"2026-03-31\","
          + "\"temporary\":true,\"announced\":true}]}";

  @Test
  void findingsArePrintedOnePerLineAndExitOne() throws IOException {
    Path lists = Files.writeString(dir.resolve("lists.json"), TWO_ITEMS);
    CliRun r = CliRun.of("check-lists", "--lists", lists.toString(), "--date", "2026-03-31");
    assertThat(r.code()).isEqualTo(1);
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("ERROR\tAUTO_DISPATCH_WITHOUT_AUTHORITY\t01001\t/items/0: ");
    assertThat(lines[1])
        .isEqualTo(
            "ERROR\tDUPLICATE_ITEM_CODE\t01001\t/items/1/code: item code 01001 is already used by"
                + " /items/0");
    assertThat(lines[2]).startsWith("2 findings in 2 items");
    // a day later the temporary admission has expired while the item is still handled there
    CliRun later = CliRun.of("check-lists", "--lists", lists.toString(), "--date", "2026-04-01");
    assertThat(later.out()).contains("EXPIRED_TEMPORARY_IN_USE\t01001\t/access/0/effectiveTo: ");
  }

  @Test
  void aCustomLadder() throws IOException {
    Path lists = Files.writeString(dir.resolve("lists.json"), TWO_ITEMS);
    CliRun r =
        CliRun.of(
            "check-lists",
            "--lists",
            lists.toString(),
            "--date",
            "2026-01-05",
            "--levels",
            "city,street,community");
    assertThat(r.out()).contains("UNKNOWN_LEVEL\t01001\t/items/1/level: ");
    assertThat(
            CliRun.of("check-lists", "--lists", lists.toString(), "--levels", "city,City").code())
        .isEqualTo(2);
  }

  @Test
  void badInputExitsTwoWithThePointer() throws IOException {
    Path lists =
        Files.writeString(
            dir.resolve("lists.json"),
            "{\"items\":[{\"code\":\"a\",\"name\":\"n\",\"categori\":[]}]}");
    CliRun r = CliRun.of("check-lists", "--lists", lists.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "gridgov: "
                + lists
                + ": 2 problems: line 1, column 45: /items/0/categori: unknown field 'categori';"
                + " did you mean 'category'?; line 1, column 11: /items/0/category: required field"
                + " 'category' is missing\n");
    assertThat(CliRun.of("check-lists", "--lists", dir.resolve("no.json").toString()).err())
        .contains("no.json: no such file");
    assertThat(CliRun.of("check-lists", "--lists", lists.toString(), "--date", "2026-02-30").code())
        .isEqualTo(2);
  }
}
