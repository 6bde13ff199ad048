package io.jenkins.plugins.platformpassword;

import hudson.Util;
import hudson.model.Item;
import io.jenkins.plugins.platformpassword.client.platforms.NamedPlatform;
import io.jenkins.plugins.platformpassword.client.platforms.PlatformChoice;
import io.jenkins.plugins.platformpassword.client.platforms.PlatformScope;
import java.util.List;

/**
 * Where a step goes: the platform it names (or the default one of its folders or the global
 * configuration), with the step's own {@code baseUrl} and {@code credentialsId} winning over the
 * platform's. The build, the form checks, the dropdowns and Test connection all ask here, so they
 * agree on the data center and the API client.
 *
 * @param platform      the chosen platform, or null when none is named and no default applies
 * @param baseUrl       the data center URL, or null when neither the step nor the platform gives one
 * @param credentialsId the API client credential, or null when neither the step nor the platform gives one
 * @param urlOwner      the folder whose platform gives the URL, as messages name it, or null when the step or the
 *                      global configuration gives it
 */
record StepTarget(NamedPlatform platform, String baseUrl, String credentialsId, String urlOwner) {

    /**
     * @throws io.jenkins.plugins.platformpassword.client.InvalidInputException naming {@code platform}, for an unknown name
     */
    static StepTarget of(
            Item context, String platform, String baseUrl, String credentialsId, PlatformPasswordConfiguration global) {
        List<PlatformScope> scopes = PlatformSelection.scopes(context, global);
        NamedPlatform chosen =
                PlatformChoice.choose(scopes, Util.fixEmptyAndTrim(platform)).orElse(null);
        boolean ownUrl = Util.fixEmptyAndTrim(baseUrl) != null;
        return new StepTarget(
                chosen,
                ownUrl ? baseUrl.trim() : chosen == null ? null : chosen.baseUrl(),
                Util.fixEmptyAndTrim(credentialsId) != null
                        ? credentialsId.trim()
                        : chosen == null ? null : chosen.credentialsId(),
                ownUrl || chosen == null || chosen.baseUrl() == null ? null : folderDefining(scopes, chosen));
    }

    /**
     * The folder that defines the chosen platform, or null for the global configuration. A folder's
     * platforms are set by that folder's configurers, who need not be the people a job runs as.
     */
    private static String folderDefining(List<PlatformScope> scopes, NamedPlatform chosen) {
        if (scopes.get(scopes.size() - 1).platforms().contains(chosen)) {
            return null; // what the administrator defined, whoever copied it into a folder
        }
        return scopes.stream()
                .filter(scope -> scope.platforms().contains(chosen))
                .map(PlatformScope::owner)
                .findFirst()
                .orElse(null);
    }

    /** The platform's name, or null. */
    String platformName() {
        return platform == null ? null : platform.name();
    }
}
