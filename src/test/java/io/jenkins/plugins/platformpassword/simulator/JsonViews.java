package io.jenkins.plugins.platformpassword.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * The JSON the platform returns for users, tenants, API clients and search hits, with the
 * members the spec marks required (schemas {@code user}, {@code tenant}, {@code client},
 * {@code global_search}) and plausible values for those the simulator does not model.
 */
final class JsonViews {

    private JsonViews() {}

    static JsonObject user(User user, Tenant tenant) {
        JsonObject json = new JsonObject();
        json.addProperty("id", user.id());
        json.addProperty("version", user.version());
        json.addProperty("tenant_id", user.tenantId());
        json.addProperty("login", user.login());
        json.add("contact", contact(user));
        json.addProperty("activated", true);
        json.addProperty("enabled", user.enabled());
        json.add("access_policies", new JsonArray());
        json.addProperty("created_at", Timestamps.format(user.createdAt()));
        json.addProperty("updated_at", Timestamps.format(user.updatedAt()));
        json.add("deleted_at", JsonNull.INSTANCE);
        json.addProperty("language", "en");
        json.add("personal_tenant_id", JsonNull.INSTANCE);
        json.add("business_types", new JsonArray());
        json.add("notifications", new JsonArray());
        json.addProperty("mfa_status", "disabled");
        json.addProperty("tenant_kind", tenant.kind().wireName());
        return json;
    }

    private static JsonObject contact(User user) {
        JsonObject contact = new JsonObject();
        contact.addProperty("email", user.email() == null ? "" : user.email());
        // The simulator's users have no first or last names; the spec allows null.
        contact.add("firstname", JsonNull.INSTANCE);
        contact.add("lastname", JsonNull.INSTANCE);
        contact.add("phone", JsonNull.INSTANCE);
        return contact;
    }

    /**
     * @param path the tenants above this one, root first, or {@code null} when the caller did not
     *             ask for it with {@code embed_path=true}
     */
    static JsonObject tenant(Tenant tenant, boolean hasChildren, List<Tenant> path) {
        JsonObject json = new JsonObject();
        json.addProperty("id", tenant.id());
        json.addProperty("version", tenant.version());
        json.addProperty("created_at", Timestamps.format(tenant.createdAt()));
        json.addProperty("updated_at", Timestamps.format(tenant.updatedAt()));
        json.add("deleted_at", JsonNull.INSTANCE);
        json.addProperty("name", tenant.name());
        json.addProperty("customer_type", "default");
        json.addProperty("parent_id", tenant.wireParentId());
        json.addProperty("kind", tenant.kind().wireName());
        JsonObject contact = new JsonObject();
        contact.addProperty("email", "");
        json.add("contact", contact);
        json.add("contacts", new JsonArray());
        json.addProperty("enabled", tenant.enabled());
        json.add("customer_id", JsonNull.INSTANCE);
        json.add("brand_id", JsonNull.INSTANCE);
        json.addProperty("brand_enabled", true);
        json.add("internal_tag", JsonNull.INSTANCE);
        json.addProperty("language", "en");
        json.add("owner_id", JsonNull.INSTANCE);
        json.addProperty("has_children", hasChildren);
        JsonObject updateLock = new JsonObject();
        updateLock.addProperty("enabled", false);
        updateLock.add("owner_id", JsonNull.INSTANCE);
        json.add("update_lock", updateLock);
        json.addProperty("ancestral_access", true);
        json.addProperty("mfa_status", "disabled");
        json.addProperty("pricing_mode", "production");
        if (path != null) {
            json.add("path", tenantPath(path));
        }
        return json;
    }

    /**
     * The spec has the {@code embed_path} query parameter ("tenant path will be embedded in the
     * result") but no {@code path} member in the tenant schema, so its shape is the simulator's
     * choice: the tenants above this one, root first, each as {@code {"id","name","kind"}}; the
     * tenant itself is not included, and the root's path is empty.
     */
    private static JsonArray tenantPath(List<Tenant> ancestors) {
        JsonArray path = new JsonArray();
        for (Tenant ancestor : ancestors) {
            JsonObject step = new JsonObject();
            step.addProperty("id", ancestor.id());
            step.addProperty("name", ancestor.name());
            step.addProperty("kind", ancestor.kind().wireName());
            path.add(step);
        }
        return path;
    }

    /** The spec's {@code client} schema: the id member is {@code client_id}, not {@code id}. */
    static JsonObject client(Directory.RegisteredClient registered) {
        ApiClient client = registered.credentials();
        JsonObject json = new JsonObject();
        json.addProperty("client_id", client.clientId());
        json.addProperty("tenant_id", client.tenantId());
        json.addProperty("client_secret_expires_at", 0);
        json.addProperty("type", "api_client");
        json.add("data", new JsonObject());
        json.addProperty("token_endpoint_auth_method", client.authMethod().wireName());
        json.addProperty("created_at", Timestamps.format(registered.createdAt()));
        json.addProperty("created_by", "platform-simulator");
        json.add("last_access_at", JsonNull.INSTANCE);
        json.add("last_access_from_ip", JsonNull.INSTANCE);
        json.addProperty("status", "enabled");
        json.add("redirect_uris", new JsonArray());
        return json;
    }

    /**
     * A search hit for a user. {@code parent_id} is the user's tenant. The spec says {@code path}
     * is an array of strings without saying of what; the simulator puts the names of the tenants
     * from the root down to the one holding the item.
     */
    static JsonObject userHit(User user, List<Tenant> tenantChain) {
        JsonObject json = new JsonObject();
        json.addProperty("obj_type", "user");
        json.addProperty("id", user.id());
        json.addProperty("parent_id", user.tenantId());
        json.add("path", names(tenantChain));
        json.addProperty("login", user.login());
        json.add("first_name", JsonNull.INSTANCE);
        json.add("last_name", JsonNull.INSTANCE);
        json.add("deleted_at", JsonNull.INSTANCE);
        return json;
    }

    /** A search hit for a tenant; its path ends at its parent. */
    static JsonObject tenantHit(Tenant tenant, List<Tenant> ancestors) {
        JsonObject json = new JsonObject();
        json.addProperty("obj_type", "tenant");
        json.addProperty("id", tenant.id());
        json.addProperty("parent_id", tenant.wireParentId());
        json.add("path", names(ancestors));
        json.addProperty("kind", tenant.kind().wireName());
        json.addProperty("name", tenant.name());
        json.add("deleted_at", JsonNull.INSTANCE);
        return json;
    }

    private static JsonArray names(List<Tenant> tenants) {
        JsonArray names = new JsonArray();
        tenants.forEach(t -> names.add(t.name()));
        return names;
    }
}
