package com.timebank.wfm.api;

import org.springframework.util.unit.DataSize;

/** 413: a request body (an upload) larger than the service accepts; nothing of it was read further. */
public class PayloadTooLargeException extends RefusedException {

    public PayloadTooLargeException(long maxBytes) {
        this(reason(maxBytes));
    }

    private PayloadTooLargeException(Message reason) {
        super(reason);
    }

    static Message reason(long maxBytes) {
        return maxBytes > 0 ? Message.of("problem.too-large", DataSize.ofBytes(maxBytes).toMegabytes())
                : Message.of("problem.status.413", 413);
    }
}
