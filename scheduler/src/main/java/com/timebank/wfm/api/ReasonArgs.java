package com.timebank.wfm.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stored message's arguments (a JSON array next to its code: a ledger entry's reason, why a job run failed, an audit
 * event's detail): whole numbers, decimals (rates, shares), texts, nested messages ({@code {"code": ..., "args":
 * [...]}}, e.g. a duration) which are rendered in the reader's language, and lists of these (JSON arrays, read back
 * as lists). Dates and other values are stored as their ISO text.
 */
public final class ReasonArgs {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReasonArgs() {
    }

    public static String write(Message reason) {
        try {
            return JSON.writeValueAsString(array(reason.args()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Message read(String code, String args) {
        if (args == null || args.isBlank()) {
            return Message.of(code);
        }
        try {
            return new Message(code, values(JSON.readTree(args)));
        } catch (JsonProcessingException e) {
            // stored arguments that no longer parse show as the code rather than failing the page that shows them
            return Message.of(code);
        }
    }

    private static ArrayNode array(Collection<?> args) {
        ArrayNode a = NODES.arrayNode();
        for (Object v : args) {
            if (v == null) {
                a.addNull();
            } else if (v instanceof Message m) {
                ObjectNode o = NODES.objectNode();
                o.put("code", m.code());
                o.set("args", array(m.args()));
                a.add(o);
            } else if (v instanceof Collection<?> c) {
                a.add(array(c));
            } else if (v instanceof BigDecimal d) {
                a.add(d);
            } else if (v instanceof Double || v instanceof Float) {
                a.add(BigDecimal.valueOf(((Number) v).doubleValue()));
            } else if (v instanceof Number n) {
                a.add(n.longValue());
            } else {
                a.add(v.toString());
            }
        }
        return a;
    }

    private static List<Object> values(JsonNode array) {
        List<Object> values = new ArrayList<>();
        for (JsonNode n : array) {
            if (n.isObject()) {
                values.add(new Message(n.path("code").asText(), values(n.path("args"))));
            } else if (n.isArray()) {
                values.add(values(n));
            } else if (n.isIntegralNumber()) {
                values.add(n.longValue());
            } else if (n.isNumber()) {
                values.add(n.decimalValue());
            } else if (n.isNull()) {
                values.add(null);
            } else {
                values.add(n.asText());
            }
        }
        return values;
    }
}
