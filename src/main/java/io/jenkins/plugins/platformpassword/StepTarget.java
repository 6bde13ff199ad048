package io.jenkins.plugins.platformpassword;

import hudson.Util;
import hudson.model.Item;
import io.jenkins.plugins.platformpassword.client.platforms.NamedPlatform;

/**
 * Where a step goes: the platform it names (or the default one of its folders or the global
 * configuration), with the step's own {@code baseUrl} and {@code credentialsId} winning over the
 * platform's. The build, the form checks, the dropdowns and Test connection all ask here, so they
 * agree on the data center and the API client.
 *
 * @param platform      the chosen platform, or null when none is named and no default applies
 * @param baseUrl       the data center URL, or null when neither the step nor the platform gives one
 * @param credentialsId the API client credential, or null when neither the step nor the platform gives one
 */
record StepTarget(NamedPlatform platform, String baseUrl, String credentialsId) {

    /**
     * @throws io.jenkins.plugins.platformpassword.client.InvalidInputException naming {@code platform}, for an unknown name
     */
    static StepTarget of(
            Item context, String platform, String baseUrl, String credentialsId, PlatformPasswordConfiguration global) {
        NamedPlatform chosen = PlatformSelection.choose(context, Util.fixEmptyAndTrim(platform), global)
                .orElse(null);
        return new StepTarget(
                chosen,
                Util.fixEmptyAndTrim(baseUrl) != null ? baseUrl.trim() : chosen == null ? null : chosen.baseUrl(),
                Util.fixEmptyAndTrim(credentialsId) != null
                        ? credentialsId.trim()
                        : chosen == null ? null : chosen.credentialsId());
    }

    /** The platform's name, or null. */
    String platformName() {
        return platform == null ? null : platform.name();
    }
}
