/**
 * Bridging the two legs of a back-to-back user agent (the PF and CF in the media path, OMA CPM with the four-hop
 * chain client, PF, CF, PF, client), and fanning one leg out to many (the CF passing a large message to every
 * member's PF): {@link org.opencpm.msrp.relay.Relays} joins the sessions, and on the receiving leg a
 * {@code RelayInbound} passes every chunk to an {@code Outlet} (the other leg of a bridge, or the live targets of a
 * {@code FanOut}), with bounded memory and back-pressure; each leg answers its own transactions and failures
 * further on come back as failure REPORTs. A {@code Leg} is a session as requests go out on it: its paths, and
 * chunks that may wait in it for the peer's path.
 */
package org.opencpm.msrp.relay;
