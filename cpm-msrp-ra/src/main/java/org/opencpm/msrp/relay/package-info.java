/**
 * Bridging the two legs of a back-to-back user agent (the PF and CF in the media path, OMA CPM with the four-hop
 * chain client, PF, CF, PF, client): {@link org.opencpm.msrp.relay.Relays} joins the sessions, and on each leg a
 * {@code RelayInbound} passes every chunk received to an {@code Outlet} (the other leg), with bounded memory and
 * back-pressure, and REPORTs the same way; each leg answers its own transactions and failures further on come back
 * as failure REPORTs. A {@code Leg} is a session as requests go out on it: its paths, and chunks that may wait in
 * it for the peer's path.
 */
package org.opencpm.msrp.relay;
