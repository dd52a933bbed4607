package org.opencpm.sip.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

/**
 * Activation of a SIP application's endpoint: its name and the resource (in the application) holding its routing
 * rules, see {@link org.opencpm.sip.container.RoutingRules}.
 */
public class SipActivationSpec implements ActivationSpec {

    private ResourceAdapter resourceAdapter;
    private String applicationName = "opencpm";
    private String routingRules = "META-INF/sip-routing.conf";

    @Override
    public void validate() throws InvalidPropertyException {
        if (applicationName == null || applicationName.isBlank()) {
            throw new InvalidPropertyException("applicationName is required");
        }
        if (routingRules == null || routingRules.isBlank()) {
            throw new InvalidPropertyException("routingRules is required");
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
    public String getRoutingRules() { return routingRules; }
    public void setRoutingRules(String routingRules) { this.routingRules = routingRules; }
}
