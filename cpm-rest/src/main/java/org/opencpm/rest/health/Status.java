package org.opencpm.rest.health;

/** The state of the server or of one of its parts. */
public enum Status {
    UP, DOWN
}
