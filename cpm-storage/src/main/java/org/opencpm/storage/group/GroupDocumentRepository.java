package org.opencpm.storage.group;

import java.util.List;
import java.util.Optional;

/** Storage of group documents; the JPA implementation in WildFly, an in-memory one for tests and tools. */
public interface GroupDocumentRepository {

    Optional<GroupDocument> find(String address);

    /** Groups ordered by address, {@code limit} of them from position {@code offset}. */
    List<GroupDocument> list(int offset, int limit);

    long count();

    /** Groups that have a member with the canonical {@code memberAddress}, ordered by address. */
    List<GroupDocument> listByMember(String memberAddress, int offset, int limit);

    long countByMember(String memberAddress);

    /** Every group owned by the user {@code owner}, ordered by address. */
    List<GroupDocument> listByOwner(String owner);

    /**
     * Stores a new document now rather than at commit, so that a concurrent insert of the same address surfaces
     * here; a document returned by a query is stored as it is changed.
     *
     * @throws DuplicateGroupException if another group has the address
     */
    void persist(GroupDocument document);

    /** Removes the document with its members. */
    void remove(GroupDocument document);
}
