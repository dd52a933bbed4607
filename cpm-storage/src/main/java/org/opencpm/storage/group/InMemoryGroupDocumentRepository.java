package org.opencpm.storage.group;

import jakarta.enterprise.inject.Vetoed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/** Documents in memory ordered by address, for the embedded container (tests and tools); never used inside WildFly. */
@Vetoed
public class InMemoryGroupDocumentRepository implements GroupDocumentRepository {

    private final Map<String, GroupDocument> documents = new ConcurrentSkipListMap<>();

    @Override
    public Optional<GroupDocument> find(String address) {
        return Optional.ofNullable(documents.get(address));
    }

    @Override
    public List<GroupDocument> list(int offset, int limit) {
        return documents.values().stream().skip(offset).limit(limit).toList();
    }

    @Override
    public long count() {
        return documents.size();
    }

    @Override
    public List<GroupDocument> listByMember(String memberAddress, int offset, int limit) {
        return byMember(memberAddress).skip(offset).limit(limit).toList();
    }

    @Override
    public long countByMember(String memberAddress) {
        return byMember(memberAddress).count();
    }

    @Override
    public List<GroupDocument> listByOwner(String owner) {
        return documents.values().stream().filter(d -> d.getOwner().equals(owner)).toList();
    }

    @Override
    public void persist(GroupDocument document) {
        if (documents.putIfAbsent(document.getAddress(), document) != null) {
            throw new DuplicateGroupException(document.getAddress(), null);
        }
    }

    @Override
    public void remove(GroupDocument document) {
        documents.remove(document.getAddress());
    }

    private Stream<GroupDocument> byMember(String memberAddress) {
        return documents.values().stream()
                .filter(d -> d.getMembers().stream().anyMatch(m -> m.getAddress().equals(memberAddress)));
    }
}
