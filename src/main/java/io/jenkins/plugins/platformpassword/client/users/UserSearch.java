package io.jenkins.plugins.platformpassword.client.users;

import com.google.gson.JsonElement;
import io.jenkins.plugins.platformpassword.client.AnswerMembers;
import io.jenkins.plugins.platformpassword.client.Failures;
import io.jenkins.plugins.platformpassword.client.Json;
import io.jenkins.plugins.platformpassword.client.PathSegments;
import io.jenkins.plugins.platformpassword.client.PlatformEndpoint;
import io.jenkins.plugins.platformpassword.client.PlatformException;
import io.jenkins.plugins.platformpassword.client.ReadOperation;
import io.jenkins.plugins.platformpassword.client.UserId;
import io.jenkins.plugins.platformpassword.client.secrets.LogText;
import io.jenkins.plugins.platformpassword.client.transport.HttpAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code GET /api/2/search?tenant=...&text=...&limit=...}: the platform's only way to find a user
 * by login. It matches logins, emails and names as case-insensitive substrings, has no paging,
 * and returns at most {@code limit} objects, so the answer is reduced to the users whose login is
 * the one searched for, and says whether it was cut off at the limit.
 */
final class UserSearch extends ReadOperation<UserSearch.Result> {

    /** Enough to see past other users whose login or email merely contains the one searched for. */
    static final int LIMIT = 100;

    /**
     * @param sameLogin the users whose login differs from the one searched for at most in letter case
     * @param full      whether the answer held as many objects as the limit, so that more may exist
     */
    record Result(List<ResolvedUser> sameLogin, boolean full) {}

    private final PlatformEndpoint endpoint;
    private final String tenantId;
    private final String text;

    UserSearch(PlatformEndpoint endpoint, String tenantId, String text) {
        this.endpoint = endpoint;
        this.tenantId = tenantId;
        this.text = text;
    }

    @Override
    protected String action() {
        return "search for login '" + LogText.value(text) + "' below tenant " + LogText.value(tenantId);
    }

    @Override
    protected String url() {
        return endpoint.apiUrl("/search?tenant=" + PathSegments.encode(tenantId) + "&text=" + PathSegments.encode(text)
                + "&limit=" + LIMIT);
    }

    /**
     * Only the hits with this login need an id and a tenant ({@code parent_id}); for those the
     * contract's required members are checked, and the others may be anything. Soft-deleted users
     * are left out.
     */
    @Override
    protected Result read(HttpAnswer answer) throws PlatformException {
        AnswerMembers search = AnswerMembers.of(this, answer, "search");
        JsonElement items = search.json().get("items");
        if (items == null || !items.isJsonArray()) {
            throw Failures.protocol(this, answer.status(), "the search answer has no items");
        }
        List<ResolvedUser> sameLogin = new ArrayList<>();
        for (JsonElement item : items.getAsJsonArray()) {
            if (!item.isJsonObject()) {
                continue;
            }
            AnswerMembers hit = search.nested(item.getAsJsonObject());
            if (!"user".equals(Json.text(hit.json(), "obj_type"))) {
                continue;
            }
            String login = hit.optionalText("login").orElse(null);
            if (login != null && sameIgnoringCase(login, text) && !isDeleted(hit)) {
                sameLogin.add(new ResolvedUser(UserId.parse(hit.uuid("id")), login, hit.uuid("parent_id")));
            }
        }
        return new Result(sameLogin, items.getAsJsonArray().size() >= LIMIT);
    }

    /**
     * Whether the hit is a soft-deleted user. The contract does not say whether the search leaves
     * them out unless {@code allow_deleted} is given (its own example holds one), and a deleted
     * user is no one whose password can be changed.
     */
    private static boolean isDeleted(AnswerMembers hit) {
        JsonElement deletedAt = hit.json().get("deleted_at");
        return deletedAt != null && !deletedAt.isJsonNull();
    }

    /**
     * Whether two logins differ at most in letter case: both their lower-case and their
     * upper-case forms agree. Comparing lower case alone would call "\u212Aelvin" (with the Kelvin
     * sign) the same as "kelvin", and the platform's case-insensitive search finds one for the other.
     */
    static boolean sameIgnoringCase(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT))
                && a.toUpperCase(Locale.ROOT).equals(b.toUpperCase(Locale.ROOT));
    }

    /** The matching users' ids, logins and tenants reach messages ("Login x is user y in tenant z"). */
    @Override
    protected List<String> quotableTexts(Result result) {
        return result.sameLogin().stream()
                .flatMap(user -> Stream.of(user.id().value(), user.login(), user.tenantId()))
                .toList();
    }

    @Override
    protected String notFoundHint() {
        return "The platform did not find the tenant to search below (the API client's own): check the data center"
                + " URL, or name the user by its id (userId) instead of its login.";
    }

    @Override
    protected String forbiddenHint() {
        return "The API client may not search its tenant: it lacks the tenant_viewer role that the search needs.";
    }
}
