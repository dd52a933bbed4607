/**
 * Responses and REPORTs of MSRP (RFC 4975 sec 7.1.1, 7.1.2 and 7.2): {@link org.opencpm.msrp.report.ReportRules}
 * decides from Success-Report and Failure-Report who owes a response or a REPORT, and
 * {@link org.opencpm.msrp.report.Replies} builds them with the paths they take, and the headers a relay passes on.
 * Pure functions on the frame model of {@code org.opencpm.msrp.codec}.
 */
package org.opencpm.msrp.report;
