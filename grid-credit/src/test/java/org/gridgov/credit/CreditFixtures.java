package org.gridgov.credit;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalLong;

/** A small scheme and entry builders for the tests. */
final class CreditFixtures {
  private CreditFixtures() {}

  static final String SCHEME_JSON =
      """
      {"format":"gridgov.credit-scheme/1","from":"2026-01-01","to":"2026-12-31",
       "start":100,"floor":0,
       "rules":[
        {"code":"V01","name":"Volunteering, per hour","points":2,
         "recognisedBy":["GRID_WORKER","VOLUNTEER_LEAD"],"capPerMonth":10,"repairable":false,
         "basis":"Credit measures art. 8"},
        {"code":"G02","name":"Good deed","min":5,"max":20,"recognisedBy":["GRID_WORKER"],
         "expiresAfterDays":365,"repairable":false,"basis":"Credit measures art. 9"},
        {"code":"D01","name":"Littering","points":-5,"recognisedBy":["GRID_WORKER"],
         "expiresAfterDays":180,"repairable":true,"repairAfterDays":30,
         "basis":"Credit measures art. 12"},
        {"code":"D02","name":"Illegal construction","min":-50,"max":-10,
         "recognisedBy":["COMMUNITY_SECRETARY"],"repairable":false,
         "basis":"Credit measures art. 13"}],
       "levels":[{"name":"AAA","min":120},{"name":"AA","min":100},{"name":"A","min":80},
                 {"name":"B","min":60},{"name":"D","min":0}],
       "appeal":{"fileWithin":"5 working days","decideWithin":"10 working days"}}
      """;

  static CreditScheme scheme() {
    return CreditSchemes.read(
        new ByteArrayInputStream(SCHEME_JSON.getBytes(StandardCharsets.UTF_8)), "scheme.json");
  }

  static Instant at(String localShanghai) {
    return OffsetDateTime.parse(localShanghai + "+08:00").toInstant();
  }

  static Entry ruled(
      long seq, String at, String resident, EntryKind kind, String rule, long points, String by) {
    return new Entry(
        seq,
        at(at),
        resident,
        kind,
        Optional.of(rule),
        points,
        by,
        OptionalLong.empty(),
        Optional.of("photo-" + seq));
  }

  static Entry redeem(long seq, String at, String resident, long points) {
    return new Entry(
        seq,
        at(at),
        resident,
        EntryKind.REDEEM,
        Optional.empty(),
        points,
        "shop-1",
        OptionalLong.empty(),
        Optional.empty());
  }

  static Entry about(
      long seq, String at, String resident, EntryKind kind, long refersTo, long points, String by) {
    return new Entry(
        seq,
        at(at),
        resident,
        kind,
        Optional.empty(),
        points,
        by,
        OptionalLong.of(refersTo),
        Optional.empty());
  }
}
