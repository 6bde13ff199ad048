package io.jenkins.plugins.platformpassword.simulator;

import java.util.Locale;

/** The platform's tenant kinds ({@code tenantKind} in the spec), lowest level last. */
public enum TenantKind {
    ROOT,
    PARTNER,
    FOLDER,
    CUSTOMER,
    UNIT;

    /** The value of {@code kind} in the platform's JSON. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind a new tenant gets when a test does not name one: the usual hierarchy of a
     * service provider, root, partner, customer, unit.
     */
    static TenantKind below(TenantKind parent) {
        return switch (parent) {
            case ROOT -> PARTNER;
            case PARTNER, FOLDER -> CUSTOMER;
            case CUSTOMER, UNIT -> UNIT;
        };
    }
}
