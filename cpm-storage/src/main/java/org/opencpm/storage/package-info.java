/**
 * Persistence for OpenCPM: the {@code opencpm} persistence unit (JTA, {@code java:jboss/datasources/OpenCpmDS}) and
 * its entities, one sub-package per aggregate with its repository. The jar is deployed in the EAR's {@code lib/}
 * so that every module shares the unit; entities in any package of this jar are discovered automatically.
 * Transactions belong to the callers (the EJB services), not to the repositories.
 */
package org.opencpm.storage;
