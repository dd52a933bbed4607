/**
 * The Jakarta Connectors face of the MSRP stack: the resource adapter owns the stack for the lifetime of the
 * deployment, activates message endpoints (MDBs implementing {@link org.opencpm.msrp.api.MsrpSessionListener}) by
 * application name, and offers {@link org.opencpm.msrp.api.MsrpConnector} as its connection factory
 * ({@code java:/eis/msrp}).
 */
package org.opencpm.msrp.ra;
