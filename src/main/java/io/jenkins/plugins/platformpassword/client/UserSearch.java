package io.jenkins.plugins.platformpassword.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@code GET /api/2/search?tenant=...&text=...}: the platform's only way to find a user by login.
 * It matches logins, emails and names as substrings, so the caller filters for exact logins.
 */
final class UserSearch extends ReadOperation<List<UserSearch.Hit>> {

    /** Enough to see past other users whose login or email merely contains the one searched for. */
    static final int LIMIT = 100;

    record Hit(String id, String login, String tenantId) {}

    private final PlatformEndpoint endpoint;
    private final String tenantId;
    private final String text;

    UserSearch(PlatformEndpoint endpoint, String tenantId, String text) {
        this.endpoint = endpoint;
        this.tenantId = tenantId;
        this.text = text;
    }

    @Override
    String action() {
        return "search for login '" + LogText.value(text) + "' below tenant " + LogText.value(tenantId);
    }

    @Override
    URI target() {
        return endpoint.api("/search?tenant=" + PathSegments.encode(tenantId) + "&text=" + PathSegments.encode(text)
                + "&limit=" + LIMIT);
    }

    @Override
    List<Hit> read(HttpAnswer answer) throws PlatformException {
        JsonObject json = Json.parseObject(answer.bodyText())
                .orElseThrow(() -> Failures.protocol(this, answer.status(), "the search answer is not a JSON object"));
        JsonElement items = json.get("items");
        if (items == null || !items.isJsonArray()) {
            throw Failures.protocol(this, answer.status(), "the search answer has no items");
        }
        List<Hit> users = new ArrayList<>();
        for (JsonElement item : items.getAsJsonArray()) {
            if (item.isJsonObject() && "user".equals(Json.text(item.getAsJsonObject(), "obj_type"))) {
                JsonObject user = item.getAsJsonObject();
                users.add(new Hit(Json.text(user, "id"), Json.text(user, "login"), Json.text(user, "parent_id")));
            }
        }
        return users;
    }

    @Override
    List<String> quotableTexts(List<Hit> hits) {
        return hits.stream()
                .flatMap(hit -> Stream.of(hit.id(), hit.login(), hit.tenantId()))
                .filter(Objects::nonNull)
                .toList();
    }

    @Override
    String forbiddenHint() {
        return "The API client may not search its tenant.";
    }
}
