/** MSRP peers for tests of other modules (published in the module's test-jar): a client's side over real TCP. */
package org.opencpm.msrp.testkit;
