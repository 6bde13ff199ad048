package io.jenkins.plugins.platformpassword.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Locale;

/**
 * {@code GET /api/2/search?tenant=<uuid>&text=<text>[&limit=N]}: tenants (by name) and users (by
 * login or email) in that tenant's subtree, the tenant itself included, whose field contains the
 * text case-insensitively; tenants first, then users, each in creation order. Texts shorter than
 * three characters find nothing, as on the platform.
 */
final class SearchEndpoint implements Endpoint {

    private static final int DEFAULT_LIMIT = 10;
    private static final int MINIMUM_TEXT_LENGTH = 3;

    private final Directory directory;
    private final Authenticator authenticator;

    SearchEndpoint(Directory directory, Authenticator authenticator) {
        this.directory = directory;
        this.authenticator = authenticator;
    }

    @Override
    public Answer answer(IncomingRequest request) throws Rejection {
        Caller caller = authenticator.caller(request);
        Roles.require(directory, caller, Roles.TENANT_VIEWER);
        FormFields query = request.query();
        String tenantId = query.first("tenant")
                .orElseThrow(
                        () -> PlatformError.badRequest("Missing query parameter.", "the parameter 'tenant' is required")
                                .reject());
        String text = query.first("text")
                .orElseThrow(
                        () -> PlatformError.badRequest("Missing query parameter.", "the parameter 'text' is required")
                                .reject());
        int limit = limit(query);
        Tenant scope = Lookups.tenant(directory, tenantId);
        if (!directory.isWithin(scope.id(), caller.tenantId())) {
            throw PlatformError.forbidden("Access denied.", "the tenant is not the caller's tenant or below it")
                    .reject();
        }
        JsonArray items = new JsonArray();
        if (text.codePointCount(0, text.length()) >= MINIMUM_TEXT_LENGTH) {
            String needle = text.toLowerCase(Locale.ROOT);
            for (Tenant tenant : directory.tenants()) {
                if (items.size() < limit
                        && directory.isWithin(tenant.id(), scope.id())
                        && contains(tenant.name(), needle)) {
                    items.add(JsonViews.tenantHit(tenant, directory.ancestors(tenant.id())));
                }
            }
            for (User user : directory.users()) {
                if (items.size() < limit
                        && directory.isWithin(user.tenantId(), scope.id())
                        && (contains(user.login(), needle) || contains(user.email(), needle))) {
                    items.add(JsonViews.userHit(user, directory.ancestorsAndSelf(user.tenantId())));
                }
            }
        }
        JsonObject json = new JsonObject();
        json.add("items", items);
        return Answer.json(200, json);
    }

    private static int limit(FormFields query) throws Rejection {
        String value = query.first("limit").orElse(null);
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw PlatformError.badRequest(
                        "Invalid query parameter.", "'limit' must be a non-negative integer, not '" + value + "'")
                .reject();
    }

    private static boolean contains(String field, String lowerCaseNeedle) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(lowerCaseNeedle);
    }
}
