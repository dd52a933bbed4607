package org.opencpm.sipservlets.participating;

/** Told once how the delivery of one message to a recipient's devices ended. */
public interface DeliveryListener {

    /** One device accepted it. */
    void delivered();

    /** No device accepted it (every one refused or did not answer in time). */
    void failed(int lastStatus);
}
