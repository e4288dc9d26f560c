package org.gridgov.risk;

/** What kind of place (地) an element is: the {@code kind} attribute of a place. */
public enum PlaceKind {
  /** A shop or other business premises (门店). */
  SHOP,
  /** A rented dwelling (出租屋). */
  RENTAL,
  /** A construction site (建筑工地). */
  CONSTRUCTION_SITE,
  /** A school or kindergarten (学校). */
  SCHOOL,
  /** A market (市场). */
  MARKET,
  /** Anything else, and the kind of a place that names none. */
  OTHER
}
