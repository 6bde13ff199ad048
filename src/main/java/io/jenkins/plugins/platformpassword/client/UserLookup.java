package io.jenkins.plugins.platformpassword.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** {@code GET /api/2/users/{user_id}}: proves the API client can see the user. */
final class UserLookup extends ReadOperation<PlatformUser> {

    private final PlatformEndpoint endpoint;
    private final UserId userId;

    UserLookup(PlatformEndpoint endpoint, UserId userId) {
        this.endpoint = endpoint;
        this.userId = userId;
    }

    @Override
    String action() {
        return "read user " + userId;
    }

    @Override
    URI target() {
        return endpoint.api("/users/" + userId.value());
    }

    @Override
    PlatformUser read(HttpAnswer answer) throws PlatformException {
        JsonObject json = Json.parseObject(answer.bodyText())
                .orElseThrow(() -> Failures.protocol(this, answer.status(), "the user answer is not a JSON object"));
        String id = Json.text(json, "id");
        if (id == null) {
            throw Failures.protocol(this, answer.status(), "the user answer has no id");
        }
        String enabled = Json.text(json, "enabled");
        JsonElement contact = json.get("contact");
        String email = contact != null && contact.isJsonObject() ? Json.text(contact.getAsJsonObject(), "email") : null;
        return new PlatformUser(
                id, Json.text(json, "login"), Json.text(json, "tenant_id"), !"false".equals(enabled), email);
    }

    @Override
    List<String> quotableTexts(PlatformUser user) {
        return Stream.of(user.id(), user.login(), user.tenantId(), user.email())
                .filter(Objects::nonNull)
                .toList();
    }

    @Override
    String forbiddenHint() {
        return "The API client may not see this user: the user is outside the API client's tenant tree.";
    }

    @Override
    String notFoundHint() {
        return "The user id was not found for this API client: check the id and the data center.";
    }
}
