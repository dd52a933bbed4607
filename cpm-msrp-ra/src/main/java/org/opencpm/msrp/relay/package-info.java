/**
 * Bridging the two legs of a back-to-back user agent (the PF and CF in the media path, OMA CPM with the four-hop
 * chain client, PF, CF, PF, client): {@link org.opencpm.msrp.relay.RelayInbound} passes every chunk received on one
 * leg to the other, with bounded memory and back-pressure, and REPORTs the same way; each leg answers its own
 * transactions and failures further on come back as failure REPORTs.
 */
package org.opencpm.msrp.relay;
