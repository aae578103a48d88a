package com.timebank.wfm.api;

import org.springframework.http.ResponseEntity;

/** Page/size as the API takes them; lists answer a JSON array with the total in {@code X-Total-Count}. */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 1000;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 100 : size;
        Validation v = new Validation()
                .require(p >= 0, "page", "page must be 0 or more")
                .require(s >= 1 && s <= MAX_SIZE, "size", "size must be between 1 and " + MAX_SIZE);
        v.throwIfInvalid();
        return new Paging(p, s);
    }

    public int offset() {
        return page * size;
    }

    public static <T> ResponseEntity<T> withTotal(T body, long total) {
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(total)).body(body);
    }
}
