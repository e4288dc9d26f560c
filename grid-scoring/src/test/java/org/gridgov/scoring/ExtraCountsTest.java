package org.gridgov.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.gridgov.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extra-counts CSV: read with the I/O toolkit, every error located at its line and column. */
class ExtraCountsTest {
  private static ExtraCounts read(String csv) {
    return ExtraCounts.read(
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "counts.csv");
  }

  private static InvalidInputException bad(String csv) {
    return catchThrowableOfType(InvalidInputException.class, () -> read(csv));
  }

  @Test
  void readsCountsWithQuotesBlankLinesAndAnyHeaderCase() {
    ExtraCounts c =
        read(
            "\uFEFFKind,Unit,Month,Count,Value\r\n"
                + "worker,W-017,2026-03,missed_reports,2\r\n"
                + "\r\n"
                + "worker,\"CLERK, 3\",2026-03,intakes, 1408 \n");
    assertThat(c.entries())
        .containsExactly(
            new ExtraCounts.Entry(
                UnitKind.WORKER, "W-017", YearMonth.of(2026, 3), Count.MISSED_REPORTS, 2),
            new ExtraCounts.Entry(
                UnitKind.WORKER, "CLERK, 3", YearMonth.of(2026, 3), Count.INTAKES, 1408));
  }

  @Test
  void everyBadValueNamesItsLineAndColumn() {
    String header = "kind,unit,month,count,value\n";
    InvalidInputException kind = bad(header + "\nworkr,W1,2026-03,intakes,1\n");
    assertThat(kind.source()).hasValue("counts.csv");
    assertThat(kind.line()).hasValue(3);
    assertThat(kind.pointer()).hasValue("column kind");
    assertThat(kind.reason()).contains("did you mean 'worker'?");
    InvalidInputException month = bad(header + "worker,W1,March,intakes,1\n");
    assertThat(month.line()).hasValue(2);
    assertThat(month.pointer()).hasValue("column month");
    InvalidInputException count = bad(header + "worker,W1,2026-03,intake,1\n");
    assertThat(count.pointer()).hasValue("column count");
    assertThat(count.reason()).contains("'intake' is not an extra count; did you mean 'intakes'?");
    InvalidInputException closed = bad(header + "worker,W1,2026-03,closed,1\n");
    assertThat(closed.reason()).contains("is not an extra count");
    InvalidInputException value = bad(header + "worker,W1,2026-03,intakes,-3\n");
    assertThat(value.pointer()).hasValue("column value");
    assertThat(value.reason()).contains("cannot be negative: -3");
    InvalidInputException width = bad(header + "worker,W1,2026-03,intakes\n");
    assertThat(width.line()).hasValue(2);
    assertThat(width.reason()).contains("4 fields");
    InvalidInputException quote = bad(header + "worker,\"W1,2026-03,intakes,1\n");
    assertThat(quote.source()).hasValue("counts.csv");
    assertThat(quote.line()).isPresent();
  }

  @Test
  void theHeaderIsChecked(@TempDir Path dir) throws Exception {
    InvalidInputException unknown = bad("kind,unit,month,count,valeu\n");
    assertThat(unknown.line()).hasValue(1);
    assertThat(unknown.reason()).contains("did you mean 'value'?");
    InvalidInputException missing = bad("kind,unit,month,count\n");
    assertThat(missing.reason()).contains("'value' is missing");
    assertThat(bad("").reason()).contains("the header must be 'kind,unit,month,count,value'");
    Path file = dir.resolve("counts.csv");
    Files.writeString(file, "kind,unit,month,count,value\nstreet,S1,2026-13,intakes,1\n");
    InvalidInputException fromFile =
        catchThrowableOfType(InvalidInputException.class, () -> ExtraCounts.read(file));
    assertThat(fromFile.source()).hasValue(file.toString());
    assertThat(fromFile.line()).hasValue(2);
    assertThat(fromFile.getMessage()).startsWith(file + ":2");
  }
}
