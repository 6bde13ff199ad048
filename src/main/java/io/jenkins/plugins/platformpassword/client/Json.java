package io.jenkins.plugins.platformpassword.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.jenkins.plugins.platformpassword.client.secrets.JsonEscapes;
import java.util.Optional;

/**
 * The client's JSON: reading answers with Gson, and writing the one shape of request body it
 * sends, {@code {"name": "value"}}. That body is written with {@link JsonEscapes#escapeString},
 * which escapes exactly as Gson does (quotes, backslashes, control characters; tested against
 * Gson), because serialising a one-member object through Gson's writer was a tenth of a build's
 * own CPU time. HTML escaping is off: it is valid JSON either way, but {@code \u003c} in place of
 * {@code <} only confuses people comparing bodies.
 */
public final class Json {

    private Json() {}

    /** The body {@code {"name": "value"}}, as both password requests send it. */
    public static String oneMember(String name, String value) {
        return "{\"" + JsonEscapes.escapeString(name) + "\":\"" + JsonEscapes.escapeString(value) + "\"}";
    }

    /** Parses a body as a JSON object; empty when it is not one (HTML, truncated JSON, an array). */
    public static Optional<JsonObject> parseObject(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonElement element = JsonParser.parseString(body);
            return element.isJsonObject() ? Optional.of(element.getAsJsonObject()) : Optional.empty();
        } catch (JsonParseException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** Whether the element is a JSON string, not a number, boolean, object or array that {@link #text} would turn into one. */
    static boolean isString(JsonElement element) {
        return element != null
                && element.isJsonPrimitive()
                && element.getAsJsonPrimitive().isString();
    }

    /** What a JSON value is, for messages that must not quote it: "a number", "an object", ... */
    static String kind(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return "null";
        }
        if (element.isJsonObject()) {
            return "an object";
        }
        if (element.isJsonArray()) {
            return "an array";
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        return primitive.isBoolean() ? "a boolean" : primitive.isNumber() ? "a number" : "a string";
    }

    /** A member as text, whatever its JSON type (the platform's error code is a string or a number). */
    public static String text(JsonObject object, String member) {
        JsonElement value = object == null ? null : object.get(member);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        return value.isJsonPrimitive() ? value.getAsString() : value.toString();
    }
}
