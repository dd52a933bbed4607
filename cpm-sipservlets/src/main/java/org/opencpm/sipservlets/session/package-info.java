/**
 * Sessions with MSRP media (OMA CPM SD 5.2.3, 5.2.2.1.5, 5.2.4): every function that stays in the media path is a
 * back-to-back user agent between a {@link org.opencpm.sipservlets.session.Caller} (the neighbour that invited it)
 * and a {@link org.opencpm.sipservlets.session.Callee} (the neighbour it invites), with an MSRP session of its own
 * on each side, bridged. A neighbour is a SIP dialog with a client ({@code SipCaller}, {@code SipCallee}) or, between
 * the functions of this server, an {@link org.opencpm.sipservlets.session.InternalHop}: the offer/answer exchange
 * is a method call, the media still crosses a real MSRP hop.
 */
package org.opencpm.sipservlets.session;
