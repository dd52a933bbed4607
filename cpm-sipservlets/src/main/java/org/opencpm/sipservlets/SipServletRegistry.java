package org.opencpm.sipservlets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opencpm.sip.api.ServletName;
import org.opencpm.sip.api.SipServlet;

/** Finds the CDI bean of a servlet by its {@link ServletName}. */
@ApplicationScoped
public class SipServletRegistry {

    @Inject
    BeanManager beanManager;

    private final Map<String, SipServlet> byName = new ConcurrentHashMap<>();

    public SipServlet servlet(String name) {
        return byName.computeIfAbsent(name, this::lookup);
    }

    private SipServlet lookup(String name) {
        for (Bean<?> bean : beanManager.getBeans(SipServlet.class, Any.Literal.INSTANCE)) {
            ServletName n = bean.getBeanClass().getAnnotation(ServletName.class);
            if (n != null && n.value().equals(name)) {
                return (SipServlet) beanManager.getReference(bean, SipServlet.class,
                        beanManager.createCreationalContext(bean));
            }
        }
        throw new IllegalStateException("no SIP servlet named " + name);
    }
}
