package org.gridgov.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.gridgov.fixtures.CitySpec;
import org.gridgov.fixtures.SyntheticCity;
import org.gridgov.watch.Neighbourhoods;
import org.gridgov.watch.ScanAccess;
import org.gridgov.watch.WatchConfig;
import org.junit.jupiter.api.Test;

/** Smoke test: on a small city the scan and its baseline agree on the most likely cluster. */
class SpaceTimeScanBenchmarkTest {

  @Test
  void scanAndBaselineAgree() {
    Neighbourhoods zones =
        SpaceTimeScanBenchmark.communities(SyntheticCity.generate(CitySpec.tongcheng(), 3), 5);
    int[][] counts = SpaceTimeScanBenchmark.counts(zones, 10, 300, 1);
    WatchConfig.Scan config = new WatchConfig.Scan(true, 10, 4, 0.5, 99, 0.05, 1);
    List<ScanAccess.Cluster> fast = ScanAccess.scanAll(zones, config, 2, counts, 3);
    NaiveSpaceTimeScan.Result naive = NaiveSpaceTimeScan.scan(zones, config, counts, 3);
    assertThat(fast).isNotEmpty();
    assertThat(fast.get(0).llr()).isCloseTo(naive.observedLlr(), within(1e-9));
    // the injected cluster is found by both (different permutation streams, same verdict)
    assertThat(fast.get(0).zones()).contains(zones.size() / 2);
    assertThat(fast.get(0).pValue()).isEqualTo(0.01);
    assertThat(naive.pValue()).isEqualTo(0.01);
  }
}
