package org.gridgov.org;

/**
 * What a dual-reporting service record was: the {@code kind} values of the format (docs/org.md).
 */
public enum ServiceKind {
  /** Took part in a community activity. */
  ACTIVITY,
  /** Claimed and fulfilled a "micro-wish" or small practical matter (认领微心愿/微实事). */
  MICRO_WISH,
  /** Volunteering (志愿服务). */
  VOLUNTEERING,
  /** Reported when the community blew the whistle (社区吹哨、党员报到). */
  WHISTLE_REPORT,
  /** Anything else the community records. */
  OTHER
}
