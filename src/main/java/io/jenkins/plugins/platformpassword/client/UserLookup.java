package io.jenkins.plugins.platformpassword.client;

import com.google.gson.JsonElement;
import io.jenkins.plugins.platformpassword.client.transport.HttpAnswer;
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
    protected String action() {
        return "read user " + userId;
    }

    @Override
    protected String url() {
        return endpoint.apiUrl("/users/" + userId.value());
    }

    /**
     * The checks need the user's tenant and whether it is enabled, and the answer must be about
     * the user asked for; the contract requires all three, and their absence is a protocol
     * failure. The login and email only label messages and keep a generated password apart from
     * them, so they may be missing.
     */
    @Override
    protected PlatformUser read(HttpAnswer answer) throws PlatformException {
        AnswerMembers user = AnswerMembers.of(this, answer, "user");
        String id = user.sameUuid("id", userId.value());
        String tenantId = user.uuid("tenant_id");
        boolean enabled = user.bool("enabled");
        JsonElement contact = user.json().get("contact");
        String email = contact != null && contact.isJsonObject() ? Json.text(contact.getAsJsonObject(), "email") : null;
        return new PlatformUser(id, user.optionalText("login").orElse(null), tenantId, enabled, email);
    }

    @Override
    protected List<String> quotableTexts(PlatformUser user) {
        return Stream.of(user.id(), user.login(), user.tenantId(), user.email())
                .filter(Objects::nonNull)
                .toList();
    }

    @Override
    protected String forbiddenHint() {
        return "The API client may not see this user: the user is outside the API client's tenant tree, or the API client "
                + "lacks the tenant_viewer role that reading users needs.";
    }

    @Override
    protected String notFoundHint() {
        return "The user id was not found for this API client: check the id and the data center.";
    }
}
