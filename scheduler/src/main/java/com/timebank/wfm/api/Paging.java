package com.timebank.wfm.api;

import java.util.List;

import org.springframework.http.ResponseEntity;

/** Page/size as the API takes them; lists answer a JSON array with the total in {@code X-Total-Count}. */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 1000;
    /**
     * The deepest a page may start: nobody reads a million rows page by page (they narrow the search), and a bound
     * keeps {@code page × size} an {@code int} and the database from skipping rows without end.
     */
    public static final int MAX_OFFSET = 1_000_000;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 100 : size;
        new Validation()
                .require(p >= 0, "page", "number.at-least", "page", 0)
                .require(s >= 1 && s <= MAX_SIZE, "size", "number.between", "size", 1, MAX_SIZE)
                .throwIfInvalid();
        if ((long) p * s > MAX_OFFSET) {
            throw OutOfRangeException.of("page", Message.of("range.page", p, MAX_OFFSET));
        }
        return new Paging(p, s);
    }

    public int offset() {
        return page * size;
    }

    /** This page of a list held in memory: empty past its end. */
    public <T> List<T> slice(List<T> all) {
        int from = Math.min(all.size(), offset());
        return all.subList(from, Math.min(all.size(), from + size));
    }

    public static <T> ResponseEntity<T> withTotal(T body, long total) {
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(total)).body(body);
    }
}
