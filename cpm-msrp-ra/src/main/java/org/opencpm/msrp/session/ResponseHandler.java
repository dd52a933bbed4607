package org.opencpm.msrp.session;

/** Hears how a request's transaction ended: the response's code, or 408 when none came or the connection closed. */
@FunctionalInterface
public interface ResponseHandler {

    void onResponse(int code, String comment);
}
