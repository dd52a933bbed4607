/** What the services share, made once per deployment: the clock and the digest authenticator. */
package org.opencpm.config;
