package org.gridgov.risk;

/** What kind of object (物) an element is: the {@code kind} attribute of an object. */
public enum ObjectKind {
  /** A city component (城市部件: a manhole cover, a street lamp, a hydrant ...) with its code. */
  COMPONENT,
  /** A sensor (a smoke, water-level or gas sensor ...). */
  SENSOR,
  /** A camera. */
  CAMERA,
  /** Anything else. */
  OTHER
}
