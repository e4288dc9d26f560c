/**
 * Working time and time limits (时限): a {@link org.gridgov.core.time.WorkCalendar} with working
 * hours, public holidays and make-up working days (调休), and time limits in working hours or days
 * set per item, urgent and normal.
 *
 * <p><b>Start with</b> {@link org.gridgov.core.time.WorkCalendar}: read one ({@code
 * GridGovJson.readCalendar}), or build one with {@link org.gridgov.core.time.WorkCalendar#builder};
 * then add a {@link org.gridgov.core.time.TimeLimit} to an instant to get a deadline in working
 * time.
 *
 * <pre>{@code
 * WorkCalendar calendar = WorkCalendar.standard();          // Asia/Shanghai, Mon–Fri, 08:30–18:00
 * Instant reported = Instant.parse("2026-03-06T08:30:00Z"); // Friday 16:30 in Beijing
 * Instant due = calendar.plus(reported, TimeLimit.workingHours(4));   // Monday 11:00
 * }</pre>
 */
package org.gridgov.core.time;
