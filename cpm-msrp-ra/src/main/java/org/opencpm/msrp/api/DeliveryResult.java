package org.opencpm.msrp.api;

import org.opencpm.msrp.codec.MsrpStatus;

/**
 * The end of a delivery: 200 when it succeeded as far as the sender can tell, otherwise the status that failed it
 * (a failure response, the Status of a failure REPORT, or 408 when no response came in time or the session closed
 * first: RFC 4975 sec 7.1.1 treats a transaction without response as a 408).
 *
 * @param code the MSRP status code
 * @param comment the response comment or the reason of the failure
 */
public record DeliveryResult(int code, String comment) {

    public static DeliveryResult ok(String comment) {
        return new DeliveryResult(MsrpStatus.OK.code(), comment);
    }

    public static DeliveryResult timeout(String comment) {
        return new DeliveryResult(MsrpStatus.REQUEST_TIMEOUT.code(), comment);
    }

    public boolean isSuccess() {
        return MsrpStatus.isSuccess(code);
    }
}
