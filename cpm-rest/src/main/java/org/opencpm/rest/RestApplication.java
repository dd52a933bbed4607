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
        description = "Administration of the OpenCPM messaging server: user accounts, their preferences, groups and health; "
                + "and the users' own preferences and groups."))
@SecurityScheme(securitySchemeName = RestApplication.BASIC_AUTH, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "An administrator of the server's application realm")
@SecurityScheme(securitySchemeName = RestApplication.USER_BASIC_AUTH, type = SecuritySchemeType.HTTP,
        scheme = "basic", description = "A user of the home domain: user name (alice, alice@domain or "
                + "sip:alice@domain) and SIP password")
public class RestApplication extends Application {

    /** The OpenAPI name of the administrators' HTTP Basic scheme, for {@code @SecurityRequirement}. */
    public static final String BASIC_AUTH = "basic";

    /** The OpenAPI name of the users' HTTP Basic scheme (their SIP credentials), for {@code @SecurityRequirement}. */
    public static final String USER_BASIC_AUTH = "userBasic";

    /** The role every protected resource requires (users of the application realm in group {@code admin}). */
    public static final String ADMIN_ROLE = "admin";
}
