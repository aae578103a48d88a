package com.timebank.wfm.forecast.app;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.forecast.Note;

/**
 * Forecast notes as stored: a JSON array of {@code {"code", "args"}} (the selection note is one such object), so a
 * page renders them in its reader's language. Runs stored before notes were codes hold plain English text, shown
 * as it is through {@code forecast.note.text}.
 */
final class NoteJson {

    static final String PLAIN_TEXT = "forecast.note.text";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private NoteJson() {
    }

    static String write(List<Note> notes) {
        ArrayNode a = NODES.arrayNode();
        notes.forEach(n -> a.add(object(n)));
        return a.toString();
    }

    static String write(Note note) {
        return object(note).toString();
    }

    static List<Note> readList(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        JsonNode n = parse(stored);
        if (n == null || !n.isArray()) {
            return stored.lines().map(l -> Note.of(PLAIN_TEXT, l)).toList();
        }
        List<Note> notes = new ArrayList<>();
        n.forEach(o -> notes.add(note(o)));
        return notes;
    }

    static Note read(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        JsonNode n = parse(stored);
        return n == null || !n.isObject() ? Note.of(PLAIN_TEXT, stored) : note(n);
    }

    /** A note as the pages and the API render it. */
    static Message message(Note note) {
        return note == null ? null : new Message(note.code(), note.args());
    }

    private static JsonNode parse(String stored) {
        String t = stored.trim();
        if (!t.startsWith("{") && !t.startsWith("[")) {
            return null;
        }
        try {
            return JSON.readTree(t);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static ObjectNode object(Note n) {
        ObjectNode o = NODES.objectNode();
        o.put("code", n.code());
        ArrayNode args = o.putArray("args");
        for (Object v : n.args()) {
            if (v == null) {
                args.addNull();
            } else if (v instanceof BigDecimal d) {
                args.add(d);
            } else if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                if (Double.isFinite(d)) {
                    args.add(BigDecimal.valueOf(d));
                } else {
                    args.addNull();
                }
            } else if (v instanceof Number num) {
                args.add(num.longValue());
            } else {
                args.add(v.toString());
            }
        }
        return o;
    }

    private static Note note(JsonNode o) {
        List<Object> args = new ArrayList<>();
        for (JsonNode a : o.path("args")) {
            if (a.isIntegralNumber()) {
                args.add(a.longValue());
            } else if (a.isNumber()) {
                args.add(a.decimalValue());
            } else if (a.isNull()) {
                args.add(null);
            } else {
                args.add(a.asText());
            }
        }
        return new Note(o.path("code").asText(PLAIN_TEXT), args);
    }
}
