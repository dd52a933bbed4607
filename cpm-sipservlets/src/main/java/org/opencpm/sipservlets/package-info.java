/**
 * The SIP face of OpenCPM: the servlets of the embedded SIP/IP core and of the CPM functions, and the
 * message-driven endpoint through which the SIP connector reaches them. Servlets stay thin: they read SIP, ask the
 * application services in cpm-ejb, and write SIP.
 */
package org.opencpm.sipservlets;
