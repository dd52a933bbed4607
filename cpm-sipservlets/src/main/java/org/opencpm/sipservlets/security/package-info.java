/** SIP digest authentication of requests, on top of {@link org.opencpm.authentication.DigestAuthenticator}. */
package org.opencpm.sipservlets.security;
