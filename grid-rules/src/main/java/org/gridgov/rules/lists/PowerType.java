package org.gridgov.rules.lists;

/**
 * The kind of power an authority entry (权责清单) grants, following the categories that Chinese power
 * lists (权力清单) use, plus public service.
 */
public enum PowerType {
  /** Administrative licensing (行政许可). */
  LICENSING,
  /** Administrative penalty (行政处罚). */
  PENALTY,
  /** Administrative coercion (行政强制), such as sealing or seizing. */
  COERCION,
  /** Administrative collection of fees or taxes (行政征收). */
  COLLECTION,
  /** Administrative payment of benefits (行政给付). */
  PAYMENT,
  /** Administrative inspection (行政检查). */
  INSPECTION,
  /** Administrative confirmation (行政确认), such as registering or certifying. */
  CONFIRMATION,
  /** Administrative reward (行政奖励). */
  REWARD,
  /** Administrative adjudication of disputes (行政裁决). */
  ADJUDICATION,
  /** Public service (公共服务), such as cleaning, repair and mediation. */
  SERVICE,
  /** Any other administrative power (其他行政权力). */
  OTHER
}
