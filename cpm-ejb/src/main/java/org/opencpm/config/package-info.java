/**
 * What the services share, made once per deployment: the clock, the digest authenticator and the deferral policy.
 */
package org.opencpm.config;
