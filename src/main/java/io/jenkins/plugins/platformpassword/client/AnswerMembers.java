package io.jenkins.plugins.platformpassword.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jenkins.plugins.platformpassword.client.transport.HttpAnswer;
import java.util.Optional;

/**
 * Reads the members of a success answer that a check relies on. A member the contract marks
 * required may still be missing or of another type in a real answer; each such case is a
 * {@link FailureKind#PROTOCOL} failure that names the member, so that the build says what the
 * platform sent instead of failing with a NullPointerException later. Values are never quoted:
 * an answer may echo anything.
 */
public final class AnswerMembers {

    private final Operation<?> operation;
    private final int status;
    private final JsonObject json;

    private AnswerMembers(Operation<?> operation, int status, JsonObject json) {
        this.operation = operation;
        this.status = status;
        this.json = json;
    }

    /** The answer's body as a JSON object; anything else is a protocol failure naming {@code what}. */
    public static AnswerMembers of(Operation<?> operation, HttpAnswer answer, String what) throws PlatformException {
        JsonObject json = Json.parseObject(answer.bodyText())
                .orElseThrow(() -> Failures.protocol(
                        operation, answer.status(), "the " + what + " answer is " + Json.NOT_AN_OBJECT));
        return new AnswerMembers(operation, answer.status(), json);
    }

    /** Members of a JSON object inside the answer, such as one search hit. */
    public AnswerMembers nested(JsonObject object) {
        return new AnswerMembers(operation, status, object);
    }

    public JsonObject json() {
        return json;
    }

    /** A required id, in the contract's lower case. */
    public String uuid(String member) throws PlatformException {
        String text = Json.text(json, member);
        if (text == null) {
            throw missing(member);
        }
        return Uuids.lowerCase(text)
                .orElseThrow(() -> Failures.protocol(operation, status, "the answer's " + member + " is not a UUID"));
    }

    /**
     * A required id that must be the one asked for: an answer about another object is no answer.
     * The other id is not quoted either; it could be anything the answer echoes, the API client's
     * id included, which the credential may mark secret.
     */
    public String sameUuid(String member, String expected) throws PlatformException {
        String id = uuid(member);
        if (!id.equals(expected)) {
            throw Failures.protocol(
                    operation, status, "the answer's " + member + " names another object than the one asked for");
        }
        return id;
    }

    /** A required JSON boolean; a string "false" is not one. */
    boolean bool(String member) throws PlatformException {
        JsonElement value = json.get(member);
        if (value == null || value.isJsonNull()) {
            throw missing(member);
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
            throw Failures.protocol(operation, status, "the answer's " + member + " is not true or false");
        }
        return value.getAsBoolean();
    }

    /** An optional string; absent, null or of another type reads as empty. */
    public Optional<String> optionalText(String member) {
        JsonElement value = json.get(member);
        return value != null
                        && value.isJsonPrimitive()
                        && value.getAsJsonPrimitive().isString()
                ? Optional.of(value.getAsString())
                : Optional.empty();
    }

    private PlatformException missing(String member) {
        return Failures.protocol(operation, status, "the answer has no " + member);
    }
}
