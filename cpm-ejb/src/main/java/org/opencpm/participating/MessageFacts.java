package org.opencpm.participating;

/**
 * What the terminating PF's preferences look at in a standalone message (OMA CPM SD 5.2.2.1.3 note 1).
 *
 * @param senderIdentity authenticated canonical address of the sender ({@code sip:user@host}), also when the
 *                       message is sent anonymously; null for messages the server itself generates
 * @param anonymous      the sender asked not to be disclosed (RFC 3323)
 * @param notification   a disposition notification (RFC 5438) rather than a message
 * @param payloadType    the MIME type the user gets: the CPIM content type, else the SIP one (no parameters)
 * @param size           body size in bytes
 */
public record MessageFacts(String senderIdentity, boolean anonymous, boolean notification, String payloadType,
                           int size) {
}
