package org.gridgov.core.cases;

/** Where a case came from (docs/domain.md §3). */
public enum SourceChannel {
  /** Found by a grid worker on patrol (网格巡查). */
  PATROL,
  /** Reported to the 12345 citizen hotline. */
  HOTLINE_12345,
  /** A photo from a city app's "snap a photo" (随手拍). */
  APP_PHOTO,
  /** A mini-program report. */
  MINI_PROGRAM,
  /** The QR code posted in each grid. */
  GRID_QR_CODE,
  /** Video surveillance or an IoT sensor (smart manholes). */
  VIDEO_IOT,
  /** Handed down by a superior body (上级交办). */
  SUPERIOR_REFERRAL
}
