package org.gridgov.scoring;

/**
 * The role in which a worker acted on a case. Every count is attributed to the worker of one role
 * when cases are scored by {@link UnitKind#WORKER}; the digital city-management standards assess
 * each role on its own stage of the loop (DOMAIN.md §7: inspector, intake clerk, shift lead,
 * dispatcher).
 */
public enum WorkerRole {
  /** The grid worker responsible for the case (责任网格员): the case's worker field. */
  RESPONSIBLE,
  /** The inspector or grid worker who reported the case (信息采集员/监督员). */
  REPORTER,
  /** The shift lead who filed the case (值班长, action FILE or REJECT). */
  FILER,
  /** The dispatcher who dispatched the case (派遣员, first action DISPATCH). */
  DISPATCHER,
  /** The inspector who checked the handling result (核查, action VERIFY or SEND_BACK). */
  CHECKER,
  /** The shift lead who closed the case (值班长 结案, action CLOSE). */
  CLOSER
}
