package com.timebank.wfm.org;

/** How a center's daily time-off quota is found: from the busy/idle settings, or from the published roster. */
public enum QuotaMode {
    FIXED, DERIVED
}
