/**
 * Errors as RFC 9457 problem details ({@code application/problem+json}): the {@link org.opencpm.rest.problem.Problem}
 * body and the exception mappers that produce it for refused service calls, malformed or unroutable requests, and
 * unexpected failures, which are logged once and answered without internals.
 */
package org.opencpm.rest.problem;
