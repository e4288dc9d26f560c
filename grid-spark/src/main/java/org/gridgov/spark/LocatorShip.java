package org.gridgov.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.unsafe.types.UTF8String;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridKind;
import org.gridgov.geo.GridLocator;

/**
 * A locator as it lives on an executor: the {@link GridLocator} (shipped once as its compact serial
 * form) with the text of its answers spelled once per leaf and reused by every row and every task
 * of the executor.
 *
 * <p>The locator travels as the bytes of its Java serial form ({@link #broadcast}), not as an
 * object, so the broadcast works whatever serializer the cluster configures (Kryo would not use the
 * locator's serial proxy). Each executor decodes those bytes once per broadcast ({@link #of}, a
 * small per-JVM cache keyed by the broadcast's id) and every task on it shares the result.
 * Thread-safe: the texts are filled lazily through atomic arrays; a race spells a text twice, never
 * wrongly.
 */
final class LocatorShip {
  /** How many decoded locators an executor keeps (one per recent locate call or session). */
  private static final int KEPT = 4;

  private static final Map<Long, LocatorShip> DECODED =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, LocatorShip> eldest) {
          return size() > KEPT;
        }
      };

  final GridLocator locator;
  final GridHierarchy hierarchy;
  final boolean hasExclusive;
  private final AtomicReferenceArray<LeafText> leaves;
  private final AtomicReferenceArray<String> ids;

  /** The id and path of a leaf, as Spark strings and as Java strings. */
  static final class LeafText {
    final UTF8String grid;
    final UTF8String path;
    final String gridString;
    final String pathString;

    LeafText(String grid, String path) {
      this.gridString = grid;
      this.pathString = path;
      this.grid = UTF8String.fromString(grid);
      this.path = UTF8String.fromString(path);
    }
  }

  LocatorShip(GridLocator locator) {
    this.locator = locator;
    this.hierarchy = locator.hierarchy();
    this.hasExclusive = hierarchy.grids().stream().anyMatch(g -> g.kind() == GridKind.EXCLUSIVE);
    this.leaves = new AtomicReferenceArray<>(hierarchy.size());
    this.ids = new AtomicReferenceArray<>(hierarchy.size());
  }

  /**
   * The broadcasts already made, per Spark context and locator (weak keys: a locator no longer used
   * drops its entry, and Spark's context cleaner then removes the broadcast's blocks). The
   * broadcast holds the locator's bytes, not the locator, so the entry does not keep its key.
   */
  private static final Map<SparkContext, Map<GridLocator, Broadcast<byte[]>>> SHIPPED =
      new WeakHashMap<>();

  /**
   * Broadcasts a locator's serial form once per Spark context: later calls with the same locator
   * (the same map) reuse the broadcast, so executors decode the locator once, not once per query.
   *
   * @param spark the session
   * @param locator the locator
   * @return the broadcast bytes
   */
  static Broadcast<byte[]> broadcast(SparkSession spark, GridLocator locator) {
    SparkContext sc = spark.sparkContext();
    synchronized (SHIPPED) {
      Map<GridLocator, Broadcast<byte[]>> byLocator =
          SHIPPED.computeIfAbsent(sc, k -> new WeakHashMap<>());
      Broadcast<byte[]> shipped = byLocator.get(locator);
      if (shipped == null || !shipped.isValid()) {
        shipped = ship(sc, locator);
        byLocator.put(locator, shipped);
      }
      return shipped;
    }
  }

  private static Broadcast<byte[]> ship(SparkContext sc, GridLocator locator) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(locator);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise the locator", e);
    }
    return JavaSparkContext.fromSparkContext(sc).broadcast(bytes.toByteArray());
  }

  /**
   * The decoded locator of a broadcast, decoded once per JVM.
   *
   * @param shipped the broadcast bytes
   * @return the locator with its text caches
   */
  static LocatorShip of(Broadcast<byte[]> shipped) {
    long id = shipped.id();
    synchronized (DECODED) {
      LocatorShip ship = DECODED.get(id);
      if (ship == null) {
        ship = new LocatorShip(decode(shipped.value()));
        DECODED.put(id, ship);
      }
      return ship;
    }
  }

  private static GridLocator decode(byte[] bytes) {
    try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(bytes))) {
      return (GridLocator) in.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shipped locator", e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("cannot read the shipped locator: " + e.getMessage(), e);
    }
  }

  /**
   * The id and path of a leaf, spelled on first use.
   *
   * @param leaf the leaf's ordinal
   * @return its text
   */
  LeafText leaf(int leaf) {
    LeafText t = leaves.get(leaf);
    if (t == null) {
      StringBuilder path = new StringBuilder();
      for (int o = leaf; o >= 0; o = hierarchy.parentOrdinal(o)) {
        path.insert(0, id(o));
        if (hierarchy.parentOrdinal(o) >= 0) {
          path.insert(0, '/');
        }
      }
      t = new LeafText(id(leaf), path.toString());
      leaves.set(leaf, t);
    }
    return t;
  }

  /**
   * The id of a grid as text, spelled on first use.
   *
   * @param ordinal the grid's ordinal
   * @return its id
   */
  String id(int ordinal) {
    String s = ids.get(ordinal);
    if (s == null) {
      s = hierarchy.idAt(ordinal).value();
      ids.set(ordinal, s);
    }
    return s;
  }

  /**
   * The exclusive grids covering a position (map's system) joined by {@code ;}, empty when none.
   *
   * @param lon longitude
   * @param lat latitude
   * @param covering scratch space; a bigger one is made when too small
   * @return the text
   */
  String exclusive(double lon, double lat, int[] covering) {
    if (!hasExclusive) {
      return "";
    }
    int count = locator.exclusiveAt(lon, lat, covering);
    if (count == 0) {
      return "";
    }
    int[] found = covering;
    if (count > covering.length) {
      found = new int[count];
      locator.exclusiveAt(lon, lat, found);
    }
    if (count == 1) {
      return id(found[0]);
    }
    StringBuilder sb = new StringBuilder();
    for (int e = 0; e < count; e++) {
      if (e > 0) {
        sb.append(';');
      }
      sb.append(id(found[e]));
    }
    return sb.toString();
  }

  /** Resolves classes through the thread's context class loader (Spark's user class loader). */
  private static final class ContextObjectInputStream extends ObjectInputStream {
    ContextObjectInputStream(InputStream in) throws IOException {
      super(in);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      if (loader == null) {
        return super.resolveClass(desc);
      }
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}
