/**
 * The admin REST API of OpenCPM (context root {@code /api}): the JAX-RS application with its OpenAPI description
 * and the request-size guard that applies to every request. Resources live in sub-packages and stay thin: they
 * translate HTTP to calls of the EJB services, which make the decisions.
 */
package org.opencpm.rest;
