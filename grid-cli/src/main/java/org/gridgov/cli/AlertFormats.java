package org.gridgov.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridgov.core.io.Csv;
import org.gridgov.core.io.Json;
import org.gridgov.watch.Alert;

/**
 * The alert formats of {@code gridgov watch} (docs/watch.md, "Alerts"): JSON Lines with exactly the
 * documented members, CSV with the documented header, and a readable text table. Decimal values are
 * rounded to {@value #DECIMALS} decimals (trailing zeros dropped); a threshold that is not a number
 * (a scan with too few replicates to tell) is {@code null} in JSON and empty in CSV.
 */
final class AlertFormats {
  /** The output formats. */
  enum Format {
    JSONL,
    CSV,
    TEXT
  }

  /** The CSV header, exactly as docs/watch.md gives it. */
  static final String CSV_HEADER =
      "start,end,peak,grids,category,channel,detector,observed,expected,score,threshold,p_value,open";

  static final int DECIMALS = 3;

  private AlertFormats() {}

  static String format(List<Alert> alerts, Format format) {
    return switch (format) {
      case JSONL -> jsonl(alerts);
      case CSV -> csv(alerts);
      case TEXT -> text(alerts);
    };
  }

  static String jsonl(List<Alert> alerts) {
    StringBuilder sb = new StringBuilder();
    for (Alert a : alerts) {
      sb.append(Json.compact(json(a))).append('\n');
    }
    return sb.toString();
  }

  static ObjectNode json(Alert a) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    o.put("start", a.start().toString());
    o.put("end", a.end().toString());
    o.put("peak", a.peak().toString());
    ArrayNode grids = o.putArray("grids");
    a.grids().forEach(grids::add);
    o.put("category", a.category());
    o.put("channel", a.channel());
    o.put("detector", a.detector().jsonName());
    o.put("observed", a.observed());
    putDecimal(o, "expected", a.expected());
    putDecimal(o, "score", a.score());
    putDecimal(o, "threshold", a.threshold());
    if (a.pValue().isPresent()) {
      putDecimal(o, "pValue", a.pValue().getAsDouble());
    }
    o.put("open", a.open());
    return o;
  }

  private static void putDecimal(ObjectNode o, String name, double value) {
    if (Double.isFinite(value)) {
      o.put(name, round(value));
    } else {
      o.putNull(name);
    }
  }

  static BigDecimal round(double value) {
    BigDecimal d = BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_EVEN);
    d = d.stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0) : d;
  }

  private static String decimal(double value) {
    return Double.isFinite(value) ? round(value).toPlainString() : "";
  }

  static String csv(List<Alert> alerts) {
    StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
    for (Alert a : alerts) {
      sb.append(
              Csv.formatRow(
                  List.of(
                      a.start().toString(),
                      a.end().toString(),
                      a.peak().toString(),
                      String.join(";", a.grids()),
                      a.category(),
                      a.channel(),
                      a.detector().jsonName(),
                      Long.toString(a.observed()),
                      decimal(a.expected()),
                      decimal(a.score()),
                      decimal(a.threshold()),
                      a.pValue().isPresent() ? decimal(a.pValue().getAsDouble()) : "",
                      Boolean.toString(a.open()))))
          .append('\n');
    }
    return sb.toString();
  }

  /** A table with one row per alert, columns padded to their widest cell, and a count line. */
  static String text(List<Alert> alerts) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "start",
          "end",
          "days",
          "grids",
          "category",
          "channel",
          "detector",
          "observed",
          "expected",
          "score",
          "threshold",
          "p",
          "state"
        });
    for (Alert a : alerts) {
      rows.add(
          new String[] {
            a.start().toString(),
            a.end().toString(),
            Integer.toString(a.days()),
            grids(a.grids()),
            a.category(),
            a.channel(),
            a.detector().jsonName(),
            Long.toString(a.observed()),
            decimal(a.expected()),
            decimal(a.score()),
            Double.isFinite(a.threshold()) ? decimal(a.threshold()) : "-",
            a.pValue().isPresent() ? decimal(a.pValue().getAsDouble()) : "-",
            a.open() ? "open" : "closed"
          });
    }
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int c = 0; c < columns; c++) {
        width[c] = Math.max(width[c], displayWidth(r[c]));
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        if (c > 0) {
          line.append("  ");
        }
        boolean number = c == 2 || (c >= 7 && c <= 11);
        String pad = " ".repeat(width[c] - displayWidth(r[c]));
        line.append(number ? pad + r[c] : r[c] + pad);
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%d alert%s (%d open)%n",
            alerts.size(),
            alerts.size() == 1 ? "" : "s",
            alerts.stream().filter(Alert::open).count()));
    return sb.toString();
  }

  /** At most three grids, then "+N more". */
  private static String grids(List<String> grids) {
    if (grids.size() <= 3) {
      return String.join(";", grids);
    }
    return String.join(";", grids.subList(0, 3)) + " +" + (grids.size() - 3) + " more";
  }

  /** Columns a terminal gives a text: two for a CJK (wide) character, one for the others. */
  static int displayWidth(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      w += wide(cp) ? 2 : 1;
    }
    return w;
  }

  private static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
