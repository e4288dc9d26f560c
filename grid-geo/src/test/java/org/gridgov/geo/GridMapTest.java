package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.geo.GeoJsonText.collection;
import static org.gridgov.geo.GeoJsonText.feature;
import static org.gridgov.geo.GeoJsonText.lat;
import static org.gridgov.geo.GeoJsonText.lon;
import static org.gridgov.geo.GeoJsonText.read;
import static org.gridgov.geo.GeoJsonText.rect;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gridgov.core.GridId;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class GridMapTest {
  private static final String MAP =
      collection(
          feature("S1", "street", null, rect(0, 0, 2, 2)),
          feature("C1", "community", "S1", rect(0, 0, 1, 2)),
          feature("C2", "community", "S1", rect(1, 0, 2, 2)));

  @Test
  void buildsItsLocatorOnceEvenWhenThreadsAskTogether() throws Exception {
    GridMap map = read(MAP);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    Set<GridLocator> seen = ConcurrentHashMap.newKeySet();
    try {
      List<Future<?>> all =
          java.util.stream.IntStream.range(0, threads)
              .mapToObj(
                  i ->
                      pool.submit(
                          () -> {
                            start.await();
                            return seen.add(map.locator());
                          }))
              .<Future<?>>map(f -> f)
              .toList();
      start.countDown();
      for (Future<?> f : all) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(seen).hasSize(1);
    assertThat(map.locator()).isSameAs(seen.iterator().next());
    assertThat(map.locator().locate(lon(1.5), lat(1)).orElseThrow().leaf())
        .isEqualTo(GridId.of("C2"));
  }

  @Test
  void theLocatorWorksInTheMapsCoordinateSystem() {
    GridMap map = read(MAP, GridMapOptions.defaults().withCoordinateSystem(CoordinateSystem.GCJ02));

    assertThat(map.locator().coordinateSystem()).isEqualTo(CoordinateSystem.GCJ02);
    assertThat(map.toString()).contains("3 grids").contains("GCJ02");
  }

  @Test
  void geometriesAreCopiesSoTheMapCannotBeChanged() {
    GridMap map = read(MAP);
    Geometry copy = map.geometry(GridId.of("C1")).orElseThrow();

    ((Polygon) copy).getExteriorRing().getCoordinateSequence().setOrdinate(0, 0, 0.0);
    copy.geometryChanged();
    assertThat(copy.getCoordinates()[0].getX()).isEqualTo(0.0);

    assertThat(map.geometry(GridId.of("C1")).orElseThrow().getCoordinates()[0].getX())
        .isEqualTo(lon(0));
  }
}
