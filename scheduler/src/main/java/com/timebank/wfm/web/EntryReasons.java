package com.timebank.wfm.web;

import org.springframework.stereotype.Component;

import com.timebank.wfm.ledger.LedgerEntry;

/**
 * The reason of a ledger entry as the reader sees it (templates call it as {@code @reasons}): its message in the
 * reader's language, or the stored reference text of entries written before reasons were messages.
 */
@Component("reasons")
public class EntryReasons {

    private final PageFormat fmt;

    EntryReasons(PageFormat fmt) {
        this.fmt = fmt;
    }

    public String text(LedgerEntry entry) {
        return entry.reason() == null ? entry.reference() : fmt.text(entry.reason());
    }
}
