/**
 * Working time and time limits (时限): a {@link org.gridgov.core.time.WorkCalendar} with working
 * hours, public holidays and make-up working days (调休), and time limits in working hours or days
 * set per item, urgent and normal.
 */
package org.gridgov.core.time;
