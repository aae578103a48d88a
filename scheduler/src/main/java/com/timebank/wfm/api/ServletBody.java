package com.timebank.wfm.api;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/** A request body read through another stream (one that counts or hashes what passes), still a servlet stream. */
public final class ServletBody extends ServletInputStream {

    private final ServletInputStream body;
    private final InputStream through;

    private ServletBody(ServletInputStream body, InputStream through) {
        this.body = body;
        this.through = through;
    }

    /** {@code through} reads from {@code body}. */
    public static ServletInputStream of(ServletInputStream body, InputStream through) {
        return new ServletBody(body, through);
    }

    @Override
    public int read() throws IOException {
        return through.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return through.read(buffer, offset, length);
    }

    @Override
    public boolean isFinished() {
        return body.isFinished();
    }

    @Override
    public boolean isReady() {
        return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        body.setReadListener(listener);
    }
}
