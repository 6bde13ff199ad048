package io.jenkins.plugins.platformpassword.client.users;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jenkins.plugins.platformpassword.client.AnswerMembers;
import io.jenkins.plugins.platformpassword.client.Json;
import io.jenkins.plugins.platformpassword.client.PathSegments;
import io.jenkins.plugins.platformpassword.client.PlatformEndpoint;
import io.jenkins.plugins.platformpassword.client.PlatformException;
import io.jenkins.plugins.platformpassword.client.ReadOperation;
import io.jenkins.plugins.platformpassword.client.secrets.LogText;
import io.jenkins.plugins.platformpassword.client.transport.HttpAnswer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/2/tenants/{tenant_id}?embed_path=true}. The spec offers {@code embed_path} but
 * does not describe the embedded path's shape, so it is read leniently: a {@code path} array of
 * objects with an {@code id}, or of id strings. Anything else counts as "no path", and the caller
 * walks {@code parent_id} instead.
 */
final class TenantLookup extends ReadOperation<PlatformTenant> {

    private final PlatformEndpoint endpoint;
    private final String tenantId;

    TenantLookup(PlatformEndpoint endpoint, String tenantId) {
        this.endpoint = endpoint;
        this.tenantId = tenantId;
    }

    @Override
    protected String action() {
        return "read tenant " + LogText.value(tenantId);
    }

    @Override
    protected String url() {
        return endpoint.apiUrl("/tenants/" + PathSegments.encode(tenantId) + "?embed_path=true");
    }

    /**
     * The walk up the tree needs the tenant's id, which must be the one asked for, and its
     * {@code parent_id}, which the contract requires and sets to the tenant's own id for the root.
     */
    @Override
    protected PlatformTenant read(HttpAnswer answer) throws PlatformException {
        AnswerMembers tenant = AnswerMembers.of(this, answer, "tenant");
        String id = tenant.sameUuid("id", tenantId);
        String parentId = tenant.uuid("parent_id");
        JsonObject json = tenant.json();
        return new PlatformTenant(id, parentId, !"false".equals(Json.text(json, "enabled")), ancestors(json));
    }

    @Override
    protected List<String> quotableTexts(PlatformTenant tenant) {
        List<String> texts = new ArrayList<>();
        texts.add(tenant.id());
        if (tenant.parentId() != null) {
            texts.add(tenant.parentId());
        }
        if (tenant.ancestorIds() != null) {
            texts.addAll(tenant.ancestorIds());
        }
        return texts;
    }

    private static List<String> ancestors(JsonObject json) {
        JsonElement path = json.get("path");
        if (path == null || !path.isJsonArray()) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (JsonElement step : path.getAsJsonArray()) {
            String id = step.isJsonObject()
                    ? Json.text(step.getAsJsonObject(), "id")
                    : step.isJsonPrimitive() ? step.getAsString() : null;
            if (id == null || !id.matches("[0-9a-fA-F-]{36}")) {
                return null; // names, or a shape we do not know: walk parent_id instead
            }
            ids.add(id.toLowerCase(java.util.Locale.ROOT));
        }
        return ids;
    }
}
