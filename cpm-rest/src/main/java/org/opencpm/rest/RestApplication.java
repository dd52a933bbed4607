package org.opencpm.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** All resources and providers of the war, found by scanning; the EAR mounts the war on {@code /api}. */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "OpenCPM admin API", version = "0.1.0",
        description = "Administration of the OpenCPM messaging server: user accounts and health."))
@SecurityScheme(securitySchemeName = RestApplication.BASIC_AUTH, type = SecuritySchemeType.HTTP, scheme = "basic")
public class RestApplication extends Application {

    /** The OpenAPI name of the HTTP Basic scheme, for {@code @SecurityRequirement}. */
    public static final String BASIC_AUTH = "basic";

    /** The role every protected resource requires (users of the application realm in group {@code admin}). */
    public static final String ADMIN_ROLE = "admin";
}
