package org.gridgov.geo;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.core.HierarchyException;
import org.gridgov.core.LevelLadder;

/**
 * A {@link GridHierarchy} as one byte array, for {@link GridLocator}'s serial form: the ladder's
 * level names, then per grid in ordinal (id) order its id, a byte of flags saying which optional
 * fields follow, its name, level (as a ladder rank) and kind, and the fields present: parent and
 * owner as ordinals, coverage as ordinals, households, population, validity as epoch days,
 * attributes as key/value strings. Every field of every {@link Grid} travels, so the decoded
 * hierarchy equals the original grid for grid and has the same ordinals.
 *
 * <p>Strings are a length (an int) and UTF-8 bytes. About 30 bytes a grid for the synthetic cities.
 */
final class HierarchyCodec {
  /** The first bytes of an encoded hierarchy: "GGH" and the layout's version. */
  private static final int MAGIC = 0x47474801;

  private static final int PARENT = 1;
  private static final int OWNER = 2;
  private static final int COVERAGE = 4;
  private static final int HOUSEHOLDS = 8;
  private static final int POPULATION = 16;
  private static final int VALID_FROM = 32;
  private static final int VALID_TO = 64;
  private static final int ATTRIBUTES = 128;

  private HierarchyCodec() {}

  /**
   * Encodes a hierarchy.
   *
   * @param h the hierarchy
   * @return its bytes
   */
  static byte[] encode(GridHierarchy h) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * h.size() + 64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      List<GridLevel> levels = h.ladder().levels();
      out.writeInt(levels.size());
      for (GridLevel l : levels) {
        string(out, l.name());
      }
      out.writeInt(h.size());
      for (int o = 0; o < h.size(); o++) {
        Grid g = h.gridAt(o);
        string(out, g.id().value());
        int flags =
            (g.parent().isPresent() ? PARENT : 0)
                | (g.owner().isPresent() ? OWNER : 0)
                | (g.coverage().isEmpty() ? 0 : COVERAGE)
                | (g.households().isPresent() ? HOUSEHOLDS : 0)
                | (g.population().isPresent() ? POPULATION : 0)
                | (g.validFrom().isPresent() ? VALID_FROM : 0)
                | (g.validTo().isPresent() ? VALID_TO : 0)
                | (g.attributes().isEmpty() ? 0 : ATTRIBUTES);
        out.writeByte(flags);
        out.writeByte(g.kind().ordinal());
        out.writeShort(h.ladder().rank(g.level()));
        string(out, g.name());
        if (g.parent().isPresent()) {
          out.writeInt(h.ordinalOf(g.parent().get()).getAsInt());
        }
        if (g.owner().isPresent()) {
          out.writeInt(h.ordinalOf(g.owner().get()).getAsInt());
        }
        if (!g.coverage().isEmpty()) {
          out.writeInt(g.coverage().size());
          for (GridId c : g.coverage()) {
            out.writeInt(h.ordinalOf(c).getAsInt());
          }
        }
        if (g.households().isPresent()) {
          out.writeInt(g.households().getAsInt());
        }
        if (g.population().isPresent()) {
          out.writeInt(g.population().getAsInt());
        }
        if (g.validFrom().isPresent()) {
          out.writeLong(g.validFrom().get().toEpochDay());
        }
        if (g.validTo().isPresent()) {
          out.writeLong(g.validTo().get().toEpochDay());
        }
        if (!g.attributes().isEmpty()) {
          out.writeInt(g.attributes().size());
          for (Map.Entry<String, String> e : g.attributes().entrySet()) {
            string(out, e.getKey());
            string(out, e.getValue());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes a hierarchy.
   *
   * @param encoded the bytes {@link #encode} gave
   * @return the hierarchy, with the same grids and ordinals
   * @throws IllegalArgumentException when the bytes are not an encoded hierarchy
   */
  static GridHierarchy decode(byte[] encoded) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      int magic = in.readInt();
      if (magic != MAGIC) {
        throw new IllegalArgumentException(
            "not an encoded hierarchy of this version: starts with " + Integer.toHexString(magic));
      }
      int levelCount = count(in, encoded.length, "levels");
      List<GridLevel> levels = new ArrayList<>(levelCount);
      for (int i = 0; i < levelCount; i++) {
        levels.add(GridLevel.of(string(in)));
      }
      int n = count(in, encoded.length, "grids");
      GridId[] ids = new GridId[n];
      // Grids refer to later ordinals: read every grid's fields, then resolve the ordinals.
      int[] flagsOf = new int[n];
      int[] kindOf = new int[n];
      int[] rankOf = new int[n];
      String[] nameOf = new String[n];
      int[] parentOf = new int[n];
      int[] ownerOf = new int[n];
      int[][] coverageOf = new int[n][];
      int[] householdsOf = new int[n];
      int[] populationOf = new int[n];
      long[] fromOf = new long[n];
      long[] toOf = new long[n];
      List<Map<String, String>> attributesOf = new ArrayList<>(n);
      for (int o = 0; o < n; o++) {
        ids[o] = GridId.of(string(in));
        if (o > 0 && ids[o].compareTo(ids[o - 1]) <= 0) {
          throw new IllegalArgumentException("grid ids are not in ordinal order at " + ids[o]);
        }
        int flags = in.readUnsignedByte();
        flagsOf[o] = flags;
        kindOf[o] = in.readUnsignedByte();
        rankOf[o] = in.readUnsignedShort();
        if (kindOf[o] >= GridKind.values().length || rankOf[o] >= levelCount) {
          throw new IllegalArgumentException("grid " + ids[o] + " has a bad kind or level");
        }
        nameOf[o] = string(in);
        parentOf[o] = (flags & PARENT) != 0 ? ordinal(in, n) : -1;
        ownerOf[o] = (flags & OWNER) != 0 ? ordinal(in, n) : -1;
        if ((flags & COVERAGE) != 0) {
          int[] cov = new int[count(in, encoded.length, "coverage links")];
          for (int i = 0; i < cov.length; i++) {
            cov[i] = ordinal(in, n);
          }
          coverageOf[o] = cov;
        }
        householdsOf[o] = (flags & HOUSEHOLDS) != 0 ? in.readInt() : -1;
        populationOf[o] = (flags & POPULATION) != 0 ? in.readInt() : -1;
        fromOf[o] = (flags & VALID_FROM) != 0 ? in.readLong() : 0;
        toOf[o] = (flags & VALID_TO) != 0 ? in.readLong() : 0;
        Map<String, String> attributes = Map.of();
        if ((flags & ATTRIBUTES) != 0) {
          int count = count(in, encoded.length, "attributes");
          Map<String, String> m = new TreeMap<>();
          for (int i = 0; i < count; i++) {
            m.put(string(in), string(in));
          }
          attributes = m;
        }
        attributesOf.add(attributes);
      }
      if (in.read() != -1) {
        throw new IllegalArgumentException("an encoded hierarchy has bytes after its last grid");
      }
      List<Grid> grids = new ArrayList<>(n);
      for (int o = 0; o < n; o++) {
        int flags = flagsOf[o];
        List<GridId> coverage = new ArrayList<>();
        if (coverageOf[o] != null) {
          for (int c : coverageOf[o]) {
            coverage.add(ids[c]);
          }
        }
        grids.add(
            new Grid(
                ids[o],
                nameOf[o],
                levels.get(rankOf[o]),
                GridKind.values()[kindOf[o]],
                parentOf[o] < 0 ? Optional.empty() : Optional.of(ids[parentOf[o]]),
                ownerOf[o] < 0 ? Optional.empty() : Optional.of(ids[ownerOf[o]]),
                Set.copyOf(coverage),
                (flags & HOUSEHOLDS) != 0 ? OptionalInt.of(householdsOf[o]) : OptionalInt.empty(),
                (flags & POPULATION) != 0 ? OptionalInt.of(populationOf[o]) : OptionalInt.empty(),
                (flags & VALID_FROM) != 0
                    ? Optional.of(LocalDate.ofEpochDay(fromOf[o]))
                    : Optional.empty(),
                (flags & VALID_TO) != 0
                    ? Optional.of(LocalDate.ofEpochDay(toOf[o]))
                    : Optional.empty(),
                attributesOf.get(o)));
      }
      return GridHierarchy.builder(LevelLadder.of(levels)).addAll(grids).build();
    } catch (IOException | HierarchyException | DateTimeException e) {
      throw new IllegalArgumentException("not a valid encoded hierarchy: " + e.getMessage(), e);
    }
  }

  private static int ordinal(DataInputStream in, int n) throws IOException {
    int o = in.readInt();
    if (o < 0 || o >= n) {
      throw new IllegalArgumentException("ordinal " + o + " out of range 0.." + (n - 1));
    }
    return o;
  }

  private static int count(DataInputStream in, int limit, String what) throws IOException {
    int c = in.readInt();
    if (c < 0 || c > limit) {
      throw new IllegalArgumentException("an encoded hierarchy claims " + c + " " + what);
    }
    return c;
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String string(DataInputStream in) throws IOException {
    int len = in.readInt();
    if (len < 0 || len > in.available()) {
      throw new IllegalArgumentException("an encoded hierarchy has a string of " + len + " bytes");
    }
    byte[] b = new byte[len];
    in.readFully(b);
    return new String(b, UTF_8);
  }
}
