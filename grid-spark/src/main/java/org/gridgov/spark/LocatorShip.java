package org.gridgov.spark;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
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
 * <p>The locator travels as the bytes of its Java serial form ({@link #broadcast}, {@link
 * SerialBytes}), not as an object, so the broadcast works whatever serializer the cluster
 * configures (Kryo would not use the locator's serial proxy). Each broadcast gets a random key
 * ({@link Shipped#key}) that travels with it in the task; each executor JVM decodes the bytes once
 * per key ({@link #of}) and every task on it shares the result. The key is not the broadcast's id:
 * Spark numbers broadcasts from 0 again in every SparkContext, and a JVM (the driver in local mode)
 * can outlive its context and see the next one's broadcasts under the same ids.
 *
 * <p>Memory: per Spark context and map, the driver keeps one broadcast (the locator's serial bytes,
 * about the size {@code GridMap}'s serial form has; {@code benchmarks/RESULTS.md} gives it for the
 * Zhengzhou-scale city); each executor holds those bytes once (Spark's block manager) plus at most
 * {@value #KEPT} decoded locators with their leaf texts. The driver's table of broadcasts holds its
 * contexts and locators weakly and drops the broadcasts of stopped contexts, so a map no longer
 * used lets Spark's context cleaner remove its broadcast.
 *
 * <p>Thread-safe: the texts are filled lazily through atomic arrays; a race spells a text twice,
 * never wrongly.
 */
final class LocatorShip {
  /** How many decoded locators an executor keeps (the maps of the latest locate calls). */
  static final int KEPT = 2;

  private static final Map<String, LocatorShip> DECODED =
      new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LocatorShip> eldest) {
          return size() > KEPT;
        }
      };

  /**
   * A shipped locator: its broadcast bytes and the random key its decoded copy is cached under on
   * every executor. Small; travels in the task.
   */
  static final class Shipped implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    final String key;
    final Broadcast<byte[]> bytes;

    Shipped(String key, Broadcast<byte[]> bytes) {
      this.key = key;
      this.bytes = bytes;
    }
  }

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
  private static final Map<SparkContext, Map<GridLocator, Shipped>> SHIPPED = new WeakHashMap<>();

  /**
   * Broadcasts a locator's serial form once per Spark context: later calls with the same locator
   * (the same map) reuse the broadcast, so executors decode the locator once, not once per query.
   *
   * @param spark the session
   * @param locator the locator
   * @return the broadcast bytes with their key
   */
  static Shipped broadcast(SparkSession spark, GridLocator locator) {
    SparkContext sc = spark.sparkContext();
    synchronized (SHIPPED) {
      SHIPPED.keySet().removeIf(SparkContext::isStopped);
      Map<GridLocator, Shipped> byLocator = SHIPPED.computeIfAbsent(sc, k -> new WeakHashMap<>());
      Shipped shipped = byLocator.get(locator);
      if (shipped == null || !shipped.bytes.isValid()) {
        shipped =
            new Shipped(
                UUID.randomUUID().toString(),
                JavaSparkContext.fromSparkContext(sc)
                    .broadcast(SerialBytes.write(locator, "the locator")));
        byLocator.put(locator, shipped);
      }
      return shipped;
    }
  }

  /**
   * The decoded locator of a broadcast, decoded once per JVM and key.
   *
   * @param shipped the broadcast bytes and their key
   * @return the locator with its text caches
   */
  static LocatorShip of(Shipped shipped) {
    synchronized (DECODED) {
      LocatorShip ship = DECODED.get(shipped.key);
      if (ship == null) {
        ship =
            new LocatorShip(
                SerialBytes.read(shipped.bytes.value(), GridLocator.class, "the shipped locator"));
        DECODED.put(shipped.key, ship);
      }
      return ship;
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
}
