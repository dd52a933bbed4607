/**
 * The {@code /users} resource: administrators create, list, read, re-key and delete the accounts of the home
 * domain. The JSON shapes are the records of this package; hashes and passwords never appear in a response.
 */
package org.opencpm.rest.user;
