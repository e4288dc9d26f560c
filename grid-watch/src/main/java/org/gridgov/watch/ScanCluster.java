package org.gridgov.watch;

import java.util.List;

/**
 * A cluster the space-time scan found (package-private; the engine makes it an {@link Alert}).
 *
 * @param zones the zone indices of the cluster in {@link Neighbourhoods#zones()}, the centre first
 * @param days the window's length in days, ending on the last day of the study period
 * @param observed the cases in the cluster's zones and days
 * @param expected the cases the space and time margins predict for them
 * @param llr the log-likelihood ratio (the statistic)
 * @param criticalValue the replicates' maximum LLR at the configured level ({@code NaN} when the
 *     replicates are too few)
 * @param pValue the Monte Carlo p-value: (rank among the replicates' maxima + 1) / (replicates + 1)
 */
record ScanCluster(
    List<Integer> zones,
    int days,
    long observed,
    double expected,
    double llr,
    double criticalValue,
    double pValue) {}
