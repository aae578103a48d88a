package com.timebank.wfm.api;

/**
 * An exception that tells the person why their request was refused, as a {@link Message}: problem details carry
 * its code and arguments, pages render it in the reader's language, and {@code getMessage()} is its English text.
 */
public interface Refusal {

    Message reason();
}
