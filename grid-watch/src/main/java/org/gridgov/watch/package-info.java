/**
 * Early warning on case streams. The front door is {@link org.gridgov.watch.Watch}: feed it one
 * day's {@link org.gridgov.watch.DayCounts} after another and it returns the {@link
 * org.gridgov.watch.Alert}s in force; thresholds are data ({@link org.gridgov.watch.WatchConfig},
 * format {@code gridgov.watch/1}, docs/watch.md).
 */
package org.gridgov.watch;
