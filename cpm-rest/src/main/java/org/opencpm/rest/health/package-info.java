/**
 * {@code /health}: whether the SIP connector listens and the database answers, for load balancers and operators.
 * Unauthenticated, and it reveals nothing beyond the listening points.
 */
package org.opencpm.rest.health;
