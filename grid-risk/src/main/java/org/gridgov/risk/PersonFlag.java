package org.gridgov.risk;

/**
 * What the register notes about a resident for care and control (the {@code flags} attribute of a
 * person, comma-separated lower-case names such as {@code elderly_alone,disabled}). Every flag is
 * personal.
 */
public enum PersonFlag {
  /** An elderly person living alone (独居老人). */
  ELDERLY_ALONE,
  /** A person with a disability (残疾人). */
  DISABLED,
  /** A key person under care or control (重点人员). */
  KEY_PERSON,
  /** A child left behind by parents working elsewhere (留守儿童). */
  LEFT_BEHIND_CHILD,
  /** A household on minimum living allowance (低保户). */
  LOW_INCOME,
  /** A person with a severe mental disorder under community care (严重精神障碍患者). */
  SEVERE_MENTAL_DISORDER,
  /** A person under community correction (社区矫正对象). */
  COMMUNITY_CORRECTION,
  /** A person released from prison (刑满释放人员). */
  RELEASED_PRISONER
}
