package org.opencpm.msrp.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

/**
 * Activation of an application's MSRP endpoint: the name that {@link
 * org.opencpm.msrp.api.SessionOptions#forApplication} gives sessions whose events it receives.
 */
public class MsrpActivationSpec implements ActivationSpec {

    private ResourceAdapter resourceAdapter;
    private String applicationName = "opencpm";

    @Override
    public void validate() throws InvalidPropertyException {
        if (applicationName == null || applicationName.isBlank()) {
            throw new InvalidPropertyException("applicationName is required");
        }
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.resourceAdapter = ra;
    }

    public String getApplicationName() { return applicationName; }
    public void setApplicationName(String applicationName) { this.applicationName = applicationName; }
}
