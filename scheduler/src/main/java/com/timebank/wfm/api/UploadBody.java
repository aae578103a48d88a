package com.timebank.wfm.api;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The body of an upload as a stream of UTF-8 text, never held whole: a controller takes it as a parameter
 * ({@code UploadBody csv}) and hands {@link #reader()} to the file's reader. Its size is bounded by
 * {@link UploadLimit}; text that is not UTF-8 fails the read (the file is refused as unreadable).
 */
public final class UploadBody {

    private final InputStream in;

    public UploadBody(InputStream in) {
        this.in = in;
    }

    public Reader reader() {
        return new java.io.BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 65536);
    }
}
