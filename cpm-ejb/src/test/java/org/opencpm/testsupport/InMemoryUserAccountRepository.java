package org.opencpm.testsupport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opencpm.storage.user.DuplicateUserAccountException;
import org.opencpm.storage.user.UserAccount;
import org.opencpm.storage.user.UserAccountRepository;

/** Accounts in a list; {@link #failNextPersist} makes the next insert fail as a concurrent duplicate would. */
public final class InMemoryUserAccountRepository extends UserAccountRepository {

    public final List<UserAccount> accounts = new ArrayList<>();
    public boolean failNextPersist;

    @Override
    public Optional<UserAccount> findByAddress(String address) {
        return accounts.stream().filter(a -> a.getAddress().equals(address)).findFirst();
    }

    @Override
    public Optional<UserAccount> lockByAddress(String address) {
        return findByAddress(address);
    }

    @Override
    public Optional<UserAccount> findByUsernameAndRealm(String username, String realm) {
        return accounts.stream()
                .filter(a -> a.getUsername().equals(username) && a.getRealm().equals(realm))
                .findFirst();
    }

    @Override
    public List<UserAccount> list(int offset, int limit) {
        return accounts.stream()
                .sorted(Comparator.comparing(UserAccount::getAddress))
                .skip(offset)
                .limit(limit)
                .toList();
    }

    @Override
    public long count() {
        return accounts.size();
    }

    @Override
    public void persist(UserAccount account) {
        if (failNextPersist) {
            failNextPersist = false;
            throw new DuplicateUserAccountException(account.getAddress(), null);
        }
        accounts.add(account);
    }

    @Override
    public void remove(UserAccount account) {
        accounts.remove(account);
    }
}
