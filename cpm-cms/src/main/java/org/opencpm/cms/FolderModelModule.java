package org.opencpm.cms;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Scopes;
import com.google.inject.multibindings.ProvidesIntoSet;
import java.util.List;
import org.apache.james.core.Username;
import org.apache.james.domainlist.jpa.JPADomainList;
import org.apache.james.lifecycle.api.Startable;
import org.apache.james.mailbox.model.MailboxAnnotation;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.apache.james.user.jpa.JPAUsersRepository;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;

/**
 * What the CPM folder model adds to James (OMA CPM SD 5.5.1): the server annotations
 * ({@link ServerAnnotations}, served by {@link ServerMetadataImapProcessor}) with the {@code DefaultFolderLocation}
 * of the configuration, and the administrator through which the server's components write into users' folders.
 * Both are set at every start, after the domains and users and before the store reports itself started, so the
 * configuration is what holds: a changed default folder or administrator password takes effect at the next start.
 */
final class FolderModelModule extends AbstractModule {

    private final CmsSettings settings;

    FolderModelModule(CmsSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(ServerAnnotations.class).in(Scopes.SINGLETON);
        bind(Provisioning.class).in(Scopes.SINGLETON);
    }

    @ProvidesIntoSet
    InitializationOperation provision(Provisioning provisioning) {
        return InitilizationOperationBuilder.forClass(Provisioning.class)
                .init(() -> provisioning.run(settings))
                .requires(List.of(JPADomainList.class, JPAUsersRepository.class));
    }

    static final class Provisioning implements Startable {

        private final ServerAnnotations annotations;
        private final UsersRepository users;

        @Inject
        Provisioning(ServerAnnotations annotations, UsersRepository users) {
            this.annotations = annotations;
            this.users = users;
        }

        void run(CmsSettings settings) throws UsersRepositoryException {
            annotations.createTable();
            annotations.update(List.of(MailboxAnnotation.newInstance(ServerAnnotations.DEFAULT_FOLDER_LOCATION,
                    settings.defaultFolder())));
            if (settings.hasAdministrator()) {
                Username administrator = Username.of(settings.administrator());
                if (!users.contains(administrator)) {
                    users.addUser(administrator, settings.administratorPassword());
                } else {
                    User user = users.getUserByName(administrator);
                    if (!user.verifyPassword(settings.administratorPassword())) {
                        user.setPassword(settings.administratorPassword());
                        users.updateUser(user);
                    }
                }
            }
        }
    }
}
