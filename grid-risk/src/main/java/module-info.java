/**
 * GridGov risk: the six elements of every grid and three-colour risk control (六要素、红黄蓝三色管控) — an
 * effective-dated element register with graded access and masked personal fields, colour marks with
 * their history and rule-driven recolouring, verified control plans, visit compliance, and the grid
 * worker's day as a walking route. The front door is {@link org.gridgov.risk.RiskControl}. See
 * {@code docs/risk.md}.
 */
module org.gridgov.risk {
  requires transitive org.gridgov.core;
  requires com.google.common;

  exports org.gridgov.risk;
}
