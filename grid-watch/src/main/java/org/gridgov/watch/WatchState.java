package org.gridgov.watch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.time.WorkCalendar;

/**
 * The saved state of a {@link Watch} (package-private), format {@code gridgov.watch-state} version
 * {@value #VERSION} (docs/watch.md "State: save, restore, ship"): the magic {@code GGWS}, the
 * version, the payload's length, the payload, its CRC-32. The payload (big-endian, {@link
 * DataOutputStream}) holds the configuration, the calendar, the zones and the engine's state;
 * doubles are written bit for bit, so a restored watch continues exactly.
 */
final class WatchState {

  static final int MAGIC = 0x47475753; // "GGWS"
  static final int VERSION = 1;
  static final String SOURCE = "watch state";

  private WatchState() {}

  static InvalidInputException damaged(String reason) {
    return InvalidInputException.at(SOURCE, "", "damaged watch state: " + reason);
  }

  static int count(DataInputStream in, int max, String what) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > max) {
      throw damaged("bad number of " + what + ": " + n);
    }
    return n;
  }

  static int index(int i, int size, String what) {
    if (i < 0 || i >= size) {
      throw damaged(what + " index " + i + " out of range [0, " + size + ")");
    }
    return i;
  }

  static void save(WatchEngine engine, OutputStream out) {
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      DataOutputStream data = new DataOutputStream(buf);
      writeConfig(data, engine.config());
      writeCalendar(data, engine.calendar());
      writeZones(data, engine.zones());
      engine.writeState(data);
      data.flush();
      byte[] payload = buf.toByteArray();
      CRC32 crc = new CRC32();
      crc.update(payload);
      DataOutputStream o = new DataOutputStream(out);
      o.writeInt(MAGIC);
      o.writeInt(VERSION);
      o.writeInt(payload.length);
      o.write(payload);
      o.writeLong(crc.getValue());
      o.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the watch state", e);
    }
  }

  static WatchEngine restore(InputStream in) {
    try {
      DataInputStream head = new DataInputStream(in);
      int magic = head.readInt();
      if (magic != MAGIC) {
        throw InvalidInputException.at(
            SOURCE, "", "not a watch state (it does not start with GGWS)");
      }
      int version = head.readInt();
      if (version != VERSION) {
        throw InvalidInputException.at(
            SOURCE,
            "",
            "watch state version "
                + version
                + " is not supported (this build reads "
                + VERSION
                + ")");
      }
      int length = head.readInt();
      if (length < 0) {
        throw damaged("negative length " + length);
      }
      byte[] payload = head.readNBytes(length);
      if (payload.length != length) {
        throw damaged("truncated: " + payload.length + " of " + length + " bytes");
      }
      long expected = head.readLong();
      CRC32 crc = new CRC32();
      crc.update(payload);
      if (crc.getValue() != expected) {
        throw damaged("checksum mismatch");
      }
      DataInputStream data = new DataInputStream(new ByteArrayInputStream(payload));
      WatchConfig config = readConfig(data);
      WorkCalendar calendar = readCalendar(data);
      Optional<Neighbourhoods> zones = readZones(data);
      WatchEngine engine = new WatchEngine(config, calendar, zones);
      engine.readState(data);
      if (data.available() != 0) {
        throw damaged(data.available() + " bytes left over");
      }
      return engine;
    } catch (EOFException e) {
      throw damaged("truncated");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the watch state", e);
    } catch (IllegalArgumentException | DateTimeException | IndexOutOfBoundsException e) {
      throw damaged(e.getMessage());
    }
  }

  private static void writeConfig(DataOutputStream o, WatchConfig c) throws IOException {
    o.writeInt(c.baseline().weeks());
    o.writeInt(c.baseline().minHistoryDays());
    o.writeBoolean(c.ewma().enabled());
    o.writeDouble(c.ewma().lambda());
    o.writeDouble(c.ewma().limit());
    for (WatchConfig.Cusum u : List.of(c.poissonCusum(), c.negBinCusum())) {
      o.writeBoolean(u.enabled());
      o.writeDouble(u.shift());
      o.writeDouble(u.threshold());
    }
    WatchConfig.Farrington f = c.farrington();
    o.writeBoolean(f.enabled());
    o.writeInt(f.weeks());
    o.writeInt(f.guardDays());
    o.writeDouble(f.alpha());
    WatchConfig.MovingPercentile m = c.movingPercentile();
    o.writeBoolean(m.enabled());
    o.writeInt(m.windowDays());
    o.writeInt(m.weeks());
    o.writeDouble(m.percentile());
    WatchConfig.Scan s = c.scan();
    o.writeBoolean(s.enabled());
    o.writeInt(s.days());
    o.writeInt(s.maxDays());
    o.writeDouble(s.maxZoneShare());
    o.writeInt(s.replicates());
    o.writeDouble(s.alpha());
    o.writeLong(s.seed());
    o.writeInt(c.minObserved());
    o.writeInt(c.mergeGapDays());
  }

  private static WatchConfig readConfig(DataInputStream i) throws IOException {
    WatchConfig.Baseline b = new WatchConfig.Baseline(i.readInt(), i.readInt());
    WatchConfig.Ewma e = new WatchConfig.Ewma(i.readBoolean(), i.readDouble(), i.readDouble());
    WatchConfig.Cusum p = new WatchConfig.Cusum(i.readBoolean(), i.readDouble(), i.readDouble());
    WatchConfig.Cusum n = new WatchConfig.Cusum(i.readBoolean(), i.readDouble(), i.readDouble());
    WatchConfig.Farrington f =
        new WatchConfig.Farrington(i.readBoolean(), i.readInt(), i.readInt(), i.readDouble());
    WatchConfig.MovingPercentile m =
        new WatchConfig.MovingPercentile(i.readBoolean(), i.readInt(), i.readInt(), i.readDouble());
    WatchConfig.Scan s =
        new WatchConfig.Scan(
            i.readBoolean(),
            i.readInt(),
            i.readInt(),
            i.readDouble(),
            i.readInt(),
            i.readDouble(),
            i.readLong());
    return new WatchConfig(b, e, p, n, f, m, s, i.readInt(), i.readInt());
  }

  private static void writeCalendar(DataOutputStream o, WorkCalendar c) throws IOException {
    o.writeUTF(c.zone().getId());
    int mask = 0;
    for (DayOfWeek d : c.workingDaysOfWeek()) {
      mask |= 1 << (d.getValue() - 1);
    }
    o.writeByte(mask);
    List<LocalTime[]> periods = c.periods();
    o.writeInt(periods.size());
    for (LocalTime[] p : periods) {
      o.writeLong(p[0].toNanoOfDay());
      o.writeLong(p[1].toNanoOfDay());
    }
    writeDays(o, c.holidays());
    writeDays(o, c.makeUpDays());
  }

  private static void writeDays(DataOutputStream o, Set<LocalDate> days) throws IOException {
    o.writeInt(days.size());
    for (LocalDate d : days) {
      o.writeLong(d.toEpochDay());
    }
  }

  private static List<LocalDate> readDays(DataInputStream i) throws IOException {
    int n = count(i, 1 << 20, "calendar days");
    List<LocalDate> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      out.add(LocalDate.ofEpochDay(i.readLong()));
    }
    return out;
  }

  private static WorkCalendar readCalendar(DataInputStream i) throws IOException {
    WorkCalendar.Builder b = WorkCalendar.builder(ZoneId.of(i.readUTF()));
    int mask = i.readByte();
    Set<DayOfWeek> dows = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      if ((mask & (1 << (d.getValue() - 1))) != 0) {
        dows.add(d);
      }
    }
    b.workingDays(dows);
    int np = count(i, 1 << 10, "working periods");
    LocalTime[] times = new LocalTime[2 * np];
    for (int k = 0; k < 2 * np; k++) {
      times[k] = LocalTime.ofNanoOfDay(i.readLong());
    }
    b.periods(times);
    b.holidays(readDays(i));
    b.makeUpDays(readDays(i));
    return b.build();
  }

  private static void writeZones(DataOutputStream o, Optional<Neighbourhoods> zones)
      throws IOException {
    o.writeBoolean(zones.isPresent());
    if (zones.isPresent()) {
      Neighbourhoods z = zones.get();
      o.writeInt(z.size());
      for (String id : z.zones()) {
        o.writeUTF(id);
      }
      for (int k = 0; k < z.size(); k++) {
        int[] ns = z.neighboursView(k);
        o.writeInt(ns.length);
        for (int n : ns) {
          o.writeInt(n);
        }
      }
    }
  }

  private static Optional<Neighbourhoods> readZones(DataInputStream i) throws IOException {
    if (!i.readBoolean()) {
      return Optional.empty();
    }
    int n = count(i, 1 << 24, "zones");
    List<String> ids = new ArrayList<>(Math.min(n, 1 << 16));
    for (int k = 0; k < n; k++) {
      ids.add(i.readUTF());
    }
    int[][] neighbours = new int[n][];
    for (int k = 0; k < n; k++) {
      int m = count(i, n, "neighbours");
      neighbours[k] = new int[m];
      for (int j = 0; j < m; j++) {
        neighbours[k][j] = i.readInt();
      }
    }
    try {
      return Optional.of(Neighbourhoods.fromParts(ids, neighbours));
    } catch (IllegalArgumentException e) {
      throw damaged("zones: " + e.getMessage());
    }
  }
}
