package org.opencpm.sip.container;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opencpm.sip.api.SipApplicationSession;
import org.opencpm.sip.api.SipSession;

/** An application session; removed from the container when invalidated or expired. */
final class AppSessionImpl implements SipApplicationSession {

    static final int DEFAULT_EXPIRES_MINUTES = 3;

    private final SipContainer container;
    private final String id;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final List<SessionImpl> sessions = new CopyOnWriteArrayList<>();
    private volatile long expiresAt;
    private volatile boolean valid = true;

    AppSessionImpl(SipContainer container, String id) {
        this.container = container;
        this.id = id;
        this.expiresAt = System.currentTimeMillis() + DEFAULT_EXPIRES_MINUTES * 60_000L;
    }

    void addSession(SessionImpl session) {
        sessions.add(session);
    }

    boolean expired(long now) {
        return now >= expiresAt;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public Collection<SipSession> getSessions() {
        return List.copyOf(sessions);
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public int setExpires(int minutes) {
        expiresAt = System.currentTimeMillis() + minutes * 60_000L;
        return minutes;
    }

    @Override
    public boolean isValid() {
        return valid;
    }

    @Override
    public void invalidate() {
        if (!valid) {
            return;
        }
        valid = false;
        sessions.forEach(SessionImpl::invalidate);
        sessions.clear();
        attributes.clear();
        container.removeApplicationSession(this);
    }
}
