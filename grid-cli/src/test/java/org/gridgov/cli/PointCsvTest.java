package org.gridgov.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.SplittableRandom;
import org.gridgov.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class PointCsvTest {
  @Test
  void parsesNumbersExactlyAsTheJdkDoes() {
    SplittableRandom random = new SplittableRandom(20260301);
    StringBuilder csv = new StringBuilder("id,lon,lat\n");
    int n = 20_000;
    String[] lons = new String[n];
    String[] lats = new String[n];
    for (int i = 0; i < n; i++) {
      lons[i] = spell(random, random.nextDouble(-180, 180));
      lats[i] = spell(random, random.nextDouble(-90, 90));
      csv.append('p')
          .append(i)
          .append(',')
          .append(lons[i])
          .append(',')
          .append(lats[i])
          .append('\n');
    }

    PointCsv rows = PointCsv.parse(csv.toString().getBytes(UTF_8), "t.csv");

    assertThat(rows.size).isEqualTo(n);
    for (int i = 0; i < n; i++) {
      assertThat(rows.lons[i]).as(lons[i]).isEqualTo(Double.parseDouble(lons[i]));
      assertThat(rows.lats[i]).as(lats[i]).isEqualTo(Double.parseDouble(lats[i]));
    }
  }

  @Test
  void keepsIdsAsWrittenAndSkipsBlankLines() {
    String csv = "\uFEFFid , lon , lat\r\n p1 ,113.6, 34.7 \r\n\r\n\"a,\"\"b\"\"\",1e1,-2E-1\n";

    PointCsv rows = PointCsv.parse(csv.getBytes(UTF_8), "t.csv");

    assertThat(rows.size).isEqualTo(2);
    assertThat(rows.ids[0]).isEqualTo("p1");
    assertThat(rows.idField(0)).isEqualTo("p1");
    // the id's value; written back as a CSV field it is quoted as in the input
    assertThat(rows.ids[1]).isEqualTo("a,\"b\"");
    assertThat(rows.idField(1)).isEqualTo("\"a,\"\"b\"\"\"");
    assertThat(rows.lons[1]).isEqualTo(10.0);
    assertThat(rows.lats[1]).isEqualTo(-0.2);
  }

  @Test
  void namesTheLineOfABadRow() {
    String csv = "id,lon,lat\np1,1,2\np2,1e,2\n";

    assertThatThrownBy(() -> PointCsv.parse(csv.getBytes(UTF_8), "t.csv"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("t.csv:3: lon '1e' is not a finite decimal number");
    for (String bad : new String[] {"0x1p3", "1.5d", "Infinity", "1..2", "--1", "1e400", ""}) {
      assertThatThrownBy(
              () -> PointCsv.parse(("id,lon,lat\np," + bad + ",2\n").getBytes(UTF_8), "t"))
          .as(bad)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("t:2: lon");
    }
    assertThatThrownBy(() -> PointCsv.parse(new byte[0], "t"))
        .hasMessageContaining("t:1: empty input");
  }

  private static String spell(SplittableRandom random, double v) {
    return switch (random.nextInt(5)) {
      case 0 -> Double.toString(v);
      case 1 -> String.format(Locale.ROOT, "%.7f", v);
      case 2 -> String.format(Locale.ROOT, "%.3e", v);
      case 3 -> String.format(Locale.ROOT, "%.20f", v);
      default -> Long.toString(Math.round(v));
    };
  }
}
