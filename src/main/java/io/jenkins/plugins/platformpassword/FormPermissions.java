package io.jenkins.plugins.platformpassword;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Item;
import jenkins.model.Jenkins;

/**
 * Who may use the step's and the global configuration's web methods. Every form method asks
 * here first, so that no one without the right to configure a job (or Jenkins) can list
 * credential ids, probe them, or send a stored secret to a URL of their choice.
 */
final class FormPermissions {

    private FormPermissions() {}

    /** Configure the job, or administer Jenkins outside a job (the global configuration). */
    static boolean mayConfigure(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /** Like {@link #mayConfigure} but refuses with HTTP 403, for methods that act rather than validate. */
    static void checkConfigure(Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }

    /** The Credentials plugin's consumer guide: lists need Extended Read or Use Item on a job, Administer outside one. */
    static boolean mayListCredentials(Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }
}
