package org.opencpm.messagestore.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import org.opencpm.config.PolicyProperties;

/** {@link MessageStoreSettings} read once per deployment. */
@ApplicationScoped
public class MessageStoreSettingsHolder {

    private volatile MessageStoreSettings settings;

    public MessageStoreSettings get() {
        MessageStoreSettings s = settings;
        if (s == null) {
            s = MessageStoreSettings.from(PolicyProperties.system());
            settings = s;
        }
        return s;
    }
}
